/** Random strings the way Nexmark makes them: short words, and `extra` padding to a target size. */
import type { Random } from './random.js';

const MIN_STRING_LENGTH = 3;
/** `extra` padding is cut from one pre-made random text instead of drawn char by char (Nexmark does the same, for speed). */
const EXTRA_POOL_LENGTH = 1024 * 1024;
const A = 'a'.charCodeAt(0);

/** 3 to maxLength-1 letters, about 1 in 13 of them `special`; trimmed when special is a space. */
export function nextString(random: Random, maxLength: number, special = ' '): string {
  let len = MIN_STRING_LENGTH + random.nextInt(maxLength - MIN_STRING_LENGTH);
  let s = '';
  while (len-- > 0) s += random.nextInt(13) === 0 ? special : String.fromCharCode(A + random.nextInt(26));
  return special === ' ' ? s.trim() : s;
}

export function lettersOfLength(random: Random, length: number): string {
  const chars = new Array<string>(length);
  for (let i = 0; i < length; i++) chars[i] = String.fromCharCode(A + random.nextInt(26));
  return chars.join('');
}

export class ExtraPool {
  private readonly pool: string;

  constructor(random: Random) {
    this.pool = lettersOfLength(random, EXTRA_POOL_LENGTH);
  }

  /** Exactly `length` letters from a random place in the pool. */
  exact(random: Random, length: number): string {
    if (length >= this.pool.length / 2) throw new RangeError(`extra of ${length} chars is larger than the pool allows`);
    const offset = random.nextInt(this.pool.length - length);
    return this.pool.substring(offset, offset + length);
  }

  /** Padding that brings an event of `currentSize` bytes to about `desiredAverageSize` (±20%). */
  extra(random: Random, currentSize: number, desiredAverageSize: number): string {
    if (currentSize > desiredAverageSize) return '';
    const want = desiredAverageSize - currentSize;
    const delta = Math.round(want * 0.2);
    const size = want - delta + (delta === 0 ? 0 : random.nextInt(2 * delta));
    return this.exact(random, size);
  }
}

/** A price in cents, log-uniform between $1 and $1,000,000. */
export function nextPrice(random: Random): number {
  return Math.round(Math.pow(10, random.nextDouble() * 6) * 100);
}

/** Uniform in [0, n) for n that may exceed 2^31 (ids of very long runs). */
export function nextLong(random: Random, n: number): number {
  if (n <= 2 ** 31) return random.nextInt(n);
  return Math.floor(random.nextDouble() * n);
}
