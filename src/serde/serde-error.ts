/**
 * Errors of the serde layer.
 *
 * `SerdeError` is what `Serde.deserialize` throws on bad input: the query runner catches it and
 * sends the record to the processing log, so its message reads like ksqlDB's
 * (`Failed to deserialize value from topic: t. Can't convert type. ..., path: $.FOO`).
 *
 * `FieldError` is internal to the readers: it is thrown where a value cannot be coerced and each
 * enclosing container prepends its part of the path while it propagates, so the happy path never
 * builds a path string.
 */
export type SerdeTarget = 'key' | 'value';

export class SerdeError extends Error {
  constructor(
    message: string,
    /** The cause without the "Failed to deserialize ..." preamble. */
    readonly reason: string,
    /** JSON path of the offending value (`$.FOO[2]`), when the format has one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'SerdeError';
  }
}

export class FieldError extends Error {
  constructor(
    readonly reason: string,
    public path = '',
  ) {
    super(reason);
    this.name = 'FieldError';
  }

  /** Returns this error with `part` prepended to its path: containers call it while rethrowing. */
  within(part: string): FieldError {
    this.path = part + this.path;
    return this;
  }
}

/** Builds the error thrown by `deserialize`, from whatever a reader threw. */
export function deserializationError(target: SerdeTarget, topic: string | undefined, cause: unknown): SerdeError {
  const where = topic === undefined ? `Failed to deserialize ${target}` : `Failed to deserialize ${target} from topic: ${topic}`;
  if (cause instanceof FieldError) {
    const path = cause.path === '' ? undefined : cause.path;
    const full = path === undefined ? cause.reason : `${cause.reason}, path: ${path}`;
    return new SerdeError(`${where}. ${full}`, cause.reason, path);
  }
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SerdeError(`${where}. ${reason}`, reason);
}
