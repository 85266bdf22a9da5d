/**
 * A worker process of the conformance runner: receives one case at a time over IPC, runs it,
 * sends the result back. It exits when the parent disconnects.
 */
import type { QttCase } from './qtt-case.js';
import { runCase } from './run-case.js';

interface RunMessage {
  readonly type: 'run';
  readonly case: QttCase;
  readonly timeoutMs: number;
  readonly overHttp?: boolean;
}

process.on('message', (msg: RunMessage) => {
  if (msg.type !== 'run') return;
  void runCase(msg.case, msg.timeoutMs, msg.overHttp === true).then((result) => process.send?.({ type: 'result', result }));
});
process.on('disconnect', () => process.exit(0));
