#!/usr/bin/env node
// Runs the conformance suite and fails if fewer cases pass than .ci/conformance-floor records.
// Raise the floor whenever a change gains cases (docs/conformance.md says how).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const floor = Number(readFileSync(join(root, '.ci', 'conformance-floor'), 'utf8').trim());
const run = spawnSync('node', ['dist/src/conformance/main.js', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
const last = run.stdout.trim().split('\n').at(-1) ?? '';
let summary;
try {
  summary = JSON.parse(last);
} catch {
  console.error(`conformance did not print a JSON summary (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}
const { total, passed, failed, skipped } = summary;
console.log(`conformance: ${passed} passed, ${failed} failed, ${skipped} skipped of ${total}; floor ${floor}`);
if (!(passed >= floor)) {
  console.error(`conformance ratchet: ${passed} passed is below the recorded floor ${floor}`);
  process.exit(1);
}
