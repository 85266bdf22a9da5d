/**
 * DECIMAL values: an exact unscaled bigint and a scale (value = unscaled / 10^scale).
 * Immutable. Arithmetic and rounding live with the functions/compiler that need them.
 */
export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** Parses `-12.340`, keeping the written scale (3). Returns undefined if not a decimal number. */
  static parse(text: string): Decimal | undefined {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const frac = m[3] ?? '';
    const digits = (m[2] || '0') + frac;
    const unscaled = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
    return new Decimal(unscaled, frac.length);
  }

  /** Plain notation with exactly `scale` fraction digits: 1.50, -0.05, 12. */
  toString(): string {
    const neg = this.unscaled < 0n;
    const abs = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return (neg ? '-' : '') + abs + '0'.repeat(-this.scale);
    const padded = abs.padStart(this.scale + 1, '0');
    const intPart = padded.slice(0, padded.length - this.scale);
    const fracPart = padded.slice(padded.length - this.scale);
    return `${neg ? '-' : ''}${intPart}.${fracPart}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }
}
