/**
 * Offsets → positions. The lexer tracks offsets only; this maps them to 1-based line/column,
 * shifted by `base` when the text is a slice of a larger script (so spans point into the script).
 */
import type { Position, Span } from './diagnostic.js';

export const START: Position = Object.freeze({ offset: 0, line: 1, column: 1 });

export class LineIndex {
  /** Offsets at which each line starts (line 1 at index 0). */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly base: Position = START,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n counts once (at the \n); a lone \r ends a line too.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - this.lineStarts[lo]! + 1;
    return lo === 0
      ? { offset: this.base.offset + offset, line: this.base.line, column: this.base.column + column - 1 }
      : { offset: this.base.offset + offset, line: this.base.line + lo, column };
  }

  /** The text of a line (numbered as positions are), without its line break. */
  lineText(line: number): string {
    const i = line - this.base.line;
    const start = this.lineStarts[i];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineStarts[i + 1] ?? this.text.length).replace(/\r?\n$|\r$/, '');
  }

  /** Span of [start, end) in local offsets. */
  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** The span from the start of `a` to the end of `b`. */
export function cover(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}
