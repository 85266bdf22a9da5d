/**
 * ksqlDB's error entities and codes: error_code = HTTP status × 100 (+ a detail digit). A
 * statement error also carries the failing statement and the entities of the statements that
 * succeeded before it in the same request.
 */
import type { StatementResult } from '../engine/results.js';

export const ERROR_CODE = {
  BAD_REQUEST: 40000,
  BAD_STATEMENT: 40001,
  QUERY_ENDPOINT: 40002,
  UNAUTHORIZED: 40100,
  NOT_FOUND: 40400,
  METHOD_NOT_ALLOWED: 40500,
  NOT_ACCEPTABLE: 40600,
  PAYLOAD_TOO_LARGE: 41300,
  TOO_MANY_REQUESTS: 42900,
  SERVER_ERROR: 50000,
  SHUTTING_DOWN: 50300,
} as const;

export interface GenericError {
  readonly '@type': 'generic_error';
  readonly error_code: number;
  readonly message: string;
}

export interface StatementError {
  readonly '@type': 'statement_error';
  readonly error_code: number;
  readonly message: string;
  readonly statementText: string;
  readonly entities: readonly StatementResult[];
}

export type ErrorEntity = GenericError | StatementError;

/** An error ready to send: the HTTP status and ksqlDB's entity. */
export interface ApiError {
  readonly status: number;
  readonly entity: ErrorEntity;
}

export function httpStatusOf(errorCode: number): number {
  return Math.floor(errorCode / 100);
}

export function genericError(errorCode: number, message: string): ApiError {
  return { status: httpStatusOf(errorCode), entity: { '@type': 'generic_error', error_code: errorCode, message } };
}

export function statementError(errorCode: number, message: string, statementText: string, entities: readonly StatementResult[] = []): ApiError {
  return { status: httpStatusOf(errorCode), entity: { '@type': 'statement_error', error_code: errorCode, message, statementText, entities } };
}
