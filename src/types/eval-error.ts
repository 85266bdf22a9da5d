/**
 * A per-row evaluation failure (division by zero, a failed cast, a bad argument value). As in
 * ksqlDB, the query runner catches it, logs it to the processing log and yields NULL (projection)
 * or drops the row (filter); the query keeps running. Re-exported by src/exec/compile.
 */
export class ExpressionEvalError extends Error {
  override readonly name = 'ExpressionEvalError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
