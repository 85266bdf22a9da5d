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
const [query = 'q5', uptoArg] = process.argv.slice(2);
const sql = readFileSync(join(root, 'bench', 'nexmark', 'queries', 'streamsql', `${query}.sql`), 'utf8').replace(/--.*$/gm, '');
const statements = sql.split(';').map((s) => s.trim()).filter((s) => s && !/^SELECT\b/i.test(s));
const upto = uptoArg === undefined ? statements.length : Number(uptoArg);
const { Engine } = await import(join(root, 'dist', 'src', 'engine', 'engine.js'));

const dir = mkdtempSync(join(tmpdir(), 'nexmark-stages-'));
cpSync(join(root, 'bench', '.cache', 'nexmark-run', 'data'), dir, { recursive: true });
const engine = await Engine.open({ dataDir: dir });
const session = engine.createSession();
const run = async (q) => {
  for await (const e of session.execute(q)) if (e.type === 'error') throw new Error(`${e.diagnostic.message} — ${q}`);
};
await run("SET 'auto.offset.reset'='earliest';");
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const q of statements.slice(0, upto)) await run(q + ';');
let signature = '';
let lastChange = performance.now();
for (;;) {
  const ends = [];
  for (const t of engine.store.listTopics()) for (let p = 0; p < t.config.partitions; p++) ends.push(engine.store.offsets(t.name, p).end);
  const now = performance.now();
  const current = ends.join();
  if (current !== signature) (signature = current), (lastChange = now);
  if (now - lastChange > QUIET_MS) break;
  await new Promise((r) => setTimeout(r, 50));
}
// CPU time (this process, until the chain went quiet plus the quiet wait's polling) is steadier
// than wall time when something else shares the core.
const cpu = process.cpuUsage(cpu0);
console.log(`${query} statements 1..${upto} of ${statements.length}: ${((lastChange - t0) / 1000).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
await engine.close();
rmSync(dir, { recursive: true, force: true });
