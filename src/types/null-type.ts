/**
 * The type of a bare NULL literal before context gives it one (ksqlDB: "Can't infer a type of null").
 * SqlType is a closed union without a NULL kind, so this is one frozen sentinel recognised by identity;
 * it only ever appears on an untyped NULL constant (e.g. `INSERT ... VALUES (NULL)`).
 */
import type { SqlType } from './sql-type.js';

export const UNTYPED_NULL: SqlType = Object.freeze({ kind: 'STRING' as const });

export function isUntypedNull(t: SqlType): boolean {
  return t === UNTYPED_NULL;
}
