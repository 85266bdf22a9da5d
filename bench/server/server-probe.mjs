// Loaded into the bench's server process with `node --import` (load.mjs --probe; not a test): measures
// event-loop delay and GC pauses. SIGUSR2 starts a fresh measurement (load.mjs sends it when the
// timed run begins); at exit the measurement since then is written to stderr as one JSON line.
// With STREAMSQL_PROBE_PROFILE=FILE it also CPU-profiles the timed run (from SIGUSR2 to SIGTERM)
// into FILE (a .cpuprofile for Chrome DevTools), leaving out start-up and loading.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks';

const RESOLUTION_MS = 1;
let eld = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
eld.enable();
const KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
let gc = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = KINDS[e.detail?.kind] ?? 'other';
    const g = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    g.count++;
    g.totalMs += e.duration;
    g.maxMs = Math.max(g.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
let since = performance.now();
process.on('SIGUSR2', () => {
  eld.disable();
  eld = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  eld.enable();
  gc = {};
  since = performance.now();
  startProfile();
});

const PROFILE_FILE = process.env.STREAMSQL_PROBE_PROFILE;
let inspector;
function startProfile() {
  if (!PROFILE_FILE || inspector) return;
  inspector = new Session();
  inspector.connect();
  inspector.post('Profiler.enable', () => inspector.post('Profiler.start'));
  // The server's own SIGTERM handler closes it; the profile is taken first, on the same signal.
  process.prependOnceListener('SIGTERM', () => {
    inspector.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(PROFILE_FILE, JSON.stringify(result.profile));
    });
  });
}
process.on('exit', () => {
  const ms = (ns) => +(ns / 1e6).toFixed(2);
  for (const g of Object.values(gc)) (g.totalMs = +g.totalMs.toFixed(1)), (g.maxMs = +g.maxMs.toFixed(2));
  process.stderr.write(
    'server probe: ' +
      JSON.stringify({
        seconds: +((performance.now() - since) / 1000).toFixed(1),
        loopDelayMs: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) },
        gc,
        cpuSeconds: +((process.cpuUsage().user + process.cpuUsage().system) / 1e6).toFixed(1),
      }) +
      '\n',
  );
});
