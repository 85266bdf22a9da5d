/**
 * Writes a streamed response with backpressure: when the socket buffer is full, the writer waits
 * for 'drain' (so the engine is not pulled for more rows); a client that reads nothing for
 * SLOW_CLIENT_TIMEOUT_MS, or goes away, ends the stream.
 */
import type { ResponseLike } from './http-types.js';
import { SLOW_CLIENT_TIMEOUT_MS } from './limits.js';

export type WriteOutcome = 'ok' | 'closed' | 'slow';

export class ResponseStream {
  private gone = false;

  /**
   * `flushEach`: wait until each write is handed to the connection before the next, so every
   * write goes out as its own HTTP/2 DATA frame. ksqlDB writes one row per frame and some clients
   * (the npm ksqldb-client) parse each received chunk as one row.
   */
  constructor(
    private readonly res: ResponseLike,
    private readonly flushEach = false,
    private readonly slowClientMs = SLOW_CLIENT_TIMEOUT_MS,
  ) {
    res.once('close', () => (this.gone = true));
  }

  get closed(): boolean {
    return this.gone || !this.res.writable;
  }

  async write(text: string): Promise<WriteOutcome> {
    if (this.closed) return 'closed';
    // Buffers, not strings: node:http2 (Node 20) sent garbage for some strings written while the
    // stream was flowing (see docs/decisions/0021-*).
    if (this.res.write(Buffer.from(text, 'utf8'))) {
      // A turn of the event loop lets node:http2 send the frame before the next write joins it.
      if (this.flushEach) await new Promise((resolve) => setImmediate(resolve));
      return 'ok';
    }
    return new Promise<WriteOutcome>((resolve) => {
      const done = (outcome: WriteOutcome): void => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.res.off('close', onClose);
        resolve(outcome);
      };
      const onDrain = (): void => done('ok');
      const onClose = (): void => done('closed');
      const timer = setTimeout(() => done('slow'), this.slowClientMs);
      this.res.on('drain', onDrain);
      this.res.on('close', onClose);
    });
  }

  end(text?: string): void {
    if (!this.res.writableEnded) this.res.end(text);
  }
}
