/**
 * Wakes readers that wait for appended records one per event-loop turn, in the order they were
 * woken. One append to a topic that 50 push queries read wakes all 50; woken at once, their
 * deliveries (read, decode, encode, write to the client) run back to back in one turn, and a pull
 * query that arrives meanwhile waits behind all of them — the tail of pull latency under push
 * load. Woken one per turn, the loop polls I/O between two deliveries, so a pull request waits for
 * at most one. A delivery is delayed by one turn per reader ahead of it (µs each).
 */

/**
 * The real setImmediate, taken when this module loads: a test that installs fake timers later must
 * not stall every push query.
 */
const nextTurn = setImmediate;

const queue: (() => void)[] = [];
let next = 0;
let scheduled = false;

/** Calls `wake` in a later turn of the event loop, after every wake queued before it. */
export function wakeInTurn(wake: () => void): void {
  queue.push(wake);
  if (!scheduled) {
    scheduled = true;
    nextTurn(runOne);
  }
}

function runOne(): void {
  const wake = queue[next++]!;
  if (next === queue.length) {
    queue.length = 0;
    next = 0;
  }
  try {
    wake();
  } finally {
    if (queue.length > 0) nextTurn(runOne);
    else scheduled = false;
  }
}
