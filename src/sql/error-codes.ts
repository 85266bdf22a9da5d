/** Diagnostic codes produced by the sql layer. */

/** The text does not match the grammar (also lexical errors: unterminated string, bad character). */
export const SYNTAX_ERROR = 'SYNTAX_ERROR';
/** Grammatical, but a value is out of range: `LIMIT -1`, `DECIMAL(2, 5)`, an unknown type name. */
export const INVALID_STATEMENT = 'INVALID_STATEMENT';
/** `${name}` with no DEFINE for name. */
export const UNDEFINED_VARIABLE = 'UNDEFINED_VARIABLE';
/** A bug in the parser layer, reported as a value because parsing never throws. */
export const INTERNAL_ERROR = 'INTERNAL_ERROR';
