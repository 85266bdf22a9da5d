/**
 * Minimal TTY-like streams for runShell, shaped like ink-testing-library's (which it does not
 * export): stdin emits what the test writes; stdout records what Ink writes.
 */
import { EventEmitter } from 'node:events';

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  output = '';
  write(chunk: string): boolean {
    this.output += chunk;
    return true;
  }
}

export function asStreams(stdin: FakeStdin, stdout: FakeStdout): { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream } {
  return { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream };
}
