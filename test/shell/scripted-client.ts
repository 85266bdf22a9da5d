/**
 * A Client that plays back scripted events, for App tests (the real engine is tested end to end
 * elsewhere). A step is an event, or a pause: until the test opens a gate, or until the
 * AbortSignal fires — then, like the real client, it ends the query with queryEnd 'cancelled'.
 */
import type { Client, ClientEvent, ExecuteOptions } from '../../src/client/client.js';

export type ScriptStep = ClientEvent | { readonly wait: 'abort' } | { readonly wait: Promise<void> };

export class ScriptedClient implements Client {
  readonly target = '/data/streamsql';
  readonly version = '9.9.9';
  readonly executed: string[] = [];
  readonly signals: AbortSignal[] = [];
  closed = false;

  constructor(private readonly respond: (sql: string) => readonly ScriptStep[]) {}

  async *execute(sql: string, options?: ExecuteOptions): AsyncIterable<ClientEvent> {
    this.executed.push(sql);
    const signal = options?.signal;
    if (signal) this.signals.push(signal);
    for (const step of this.respond(sql)) {
      if (signal?.aborted) {
        yield { type: 'queryEnd', reason: 'cancelled' };
        return;
      }
      if (!('wait' in step)) {
        yield step;
        continue;
      }
      if (step.wait === 'abort') {
        await abortOf(signal);
        yield { type: 'queryEnd', reason: 'cancelled' };
        return;
      }
      await step.wait;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function abortOf(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {}); // never: nothing can cancel it
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** A promise the test resolves by hand, to hold a scripted stream at a point. */
export function gate(): { readonly promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
