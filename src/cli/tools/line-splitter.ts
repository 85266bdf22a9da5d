/** Splits a byte stream into lines ('\n', with a trailing '\r' dropped), across chunk boundaries. */
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder('utf-8');

  /** The complete lines in `chunk` (a partial last line waits for the next chunk). */
  push(chunk: Uint8Array): string[] {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    return lines.map(stripCr);
  }

  /** The last line when the input did not end with a newline. */
  end(): string[] {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    return last.length > 0 ? [stripCr(last)] : [];
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
