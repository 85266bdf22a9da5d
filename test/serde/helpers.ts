import { createSerde, type FormatName, type Serde, type SerdeColumn, type SerdeOptions } from '../../src/serde/format.js';

/** Builds a serde that must be valid; fails the test with the factory's error otherwise. */
export function serde(format: FormatName, columns: readonly SerdeColumn[], options: Partial<SerdeOptions> = {}): Serde {
  const s = createSerde(format, columns, { isKey: false, ...options });
  if ('error' in s) throw new Error(`unexpected serde error: ${s.error}`);
  return s;
}

/** The factory's error message (fails the test if the serde was valid). */
export function serdeError(format: FormatName, columns: readonly SerdeColumn[], options: Partial<SerdeOptions> = {}): string {
  const s = createSerde(format, columns, { isKey: false, ...options });
  if (!('error' in s)) throw new Error('expected the serde to be rejected');
  return s.error;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
export const text = (bytes: Uint8Array | null): string | null => (bytes === null ? null : new TextDecoder().decode(bytes));
export const hex = (bytes: Uint8Array | null): string | null => (bytes === null ? null : Buffer.from(bytes).toString('hex'));
export const col = (name: string, type: SerdeColumn['type']): SerdeColumn => ({ name, type });
