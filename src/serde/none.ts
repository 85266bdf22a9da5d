/**
 * NONE: the record part is not deserialized at all (ksqlDB's marker format for keyless streams).
 * Only valid with no columns; whatever bytes arrive are ignored and nothing is ever written.
 */
import type { Serde, SerdeColumn } from './format.js';
import { columnList } from './schema-checks.js';

const NONE_SERDE: Serde = Object.freeze({
  serialize: () => null,
  deserialize: () => [],
});

export function createNoneSerde(columns: readonly SerdeColumn[], isKey: boolean): Serde | { error: string } {
  if (columns.length > 0) {
    return { error: `The 'NONE' format can only be used when no columns are defined. Got: ${columnList(columns, isKey)}` };
  }
  return NONE_SERDE;
}

/** What every format does with no columns on the key side: no key at all. */
export const EMPTY_KEY_SERDE: Serde = NONE_SERDE;
