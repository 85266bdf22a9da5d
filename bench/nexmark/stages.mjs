// Stage timing of one Nexmark translation (not a test): runs the first N statements of
// bench/nexmark/queries/streamsql/<q>.sql on a copy of the last bench run's preloaded topics
// (bench/.cache/nexmark-run/data: run `npm run bench:nexmark -- --events E --queries <q>` first)
// and prints the time until no topic moves any more. A stage's cost is the difference between
// N and N-1 statements. Pin it as the bench does: taskset -c 1 node bench/nexmark/stages.mjs q5 4
// Node flags go before the script (e.g. the ones bin/streamsql's shebang sets).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const QUIET_MS = 1500; // no topic end moved for this long: the chain has caught up
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// --isolate: run statements 1..N-1 until quiet first, then time statement N alone (no race with
// the earlier ones); --prof FILE: CPU-profile just the timed part (node:inspector).
const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, name === '--prof' ? 2 : 1);
  return value ?? true;
};
const isolate = flag('--isolate') === true;
const showTopics = flag('--topics') === true; // print each topic's record count at the end
const profFile = flag('--prof');
const [query = 'q5', uptoArg] = args;
const sql = readFileSync(join(root, 'bench', 'nexmark', 'queries', 'streamsql', `${query}.sql`), 'utf8').replace(/--.*$/gm, '');
const statements = sql.split(';').map((s) => s.trim()).filter((s) => s && !/^SELECT\b/i.test(s));
const upto = uptoArg === undefined ? statements.length : Number(uptoArg);
// STAGES_DIST: another build's dist/ (A/B runs of two builds on the same data, alternated).
const { Engine } = await import(join(process.env.STAGES_DIST ?? join(root, 'dist'), 'src', 'engine', 'engine.js'));

const dir = mkdtempSync(join(tmpdir(), 'nexmark-stages-'));
cpSync(join(root, 'bench', '.cache', 'nexmark-run', 'data'), dir, { recursive: true });
const engine = await Engine.open({ dataDir: dir });
const session = engine.createSession();
const run = async (q) => {
  for await (const e of session.execute(q)) if (e.type === 'error') throw new Error(`${e.diagnostic.message} — ${q}`);
};
await run("SET 'auto.offset.reset'='earliest';");
const untilQuiet = async () => {
  let signature = '';
  let lastChange = performance.now();
  for (;;) {
    const ends = [];
    for (const t of engine.store.listTopics()) for (let p = 0; p < t.config.partitions; p++) ends.push(engine.store.offsets(t.name, p).end);
    const now = performance.now();
    const current = ends.join();
    if (current !== signature) (signature = current), (lastChange = now);
    if (now - lastChange > QUIET_MS) return lastChange;
    await new Promise((r) => setTimeout(r, 50));
  }
};
const timed = isolate ? statements.slice(upto - 1, upto) : statements.slice(0, upto);
if (isolate) {
  for (const q of statements.slice(0, upto - 1)) await run(q + ';');
  await untilQuiet();
}
let profiler;
if (profFile) {
  const { Session } = await import('node:inspector/promises');
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const q of timed) await run(q + ';');
const lastChange = await untilQuiet();
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(profFile, JSON.stringify(profile));
}
if (showTopics) {
  for (const t of engine.store.listTopics()) {
    let n = 0;
    for (let p = 0; p < t.config.partitions; p++) n += engine.store.offsets(t.name, p).end;
    console.log(`  ${t.name} ${n}`);
  }
}
// CPU time (this process, until the chain went quiet plus the quiet wait's polling) is steadier
// than wall time when something else shares the core.
const cpu = process.cpuUsage(cpu0);
console.log(`${query} statements ${isolate ? upto : 1}..${upto} of ${statements.length}: ${((lastChange - t0) / 1000).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s)`);
await engine.close();
rmSync(dir, { recursive: true, force: true });
