/**
 * The operator contract: `process` is synchronous and returns the output batch. Every physical
 * operator kind must have a factory here, or this file does not compile.
 */
import type { OperatorKind, OperatorSpec } from '../../plan/physical-plan.js';
import type { Batch } from '../batch.js';
import { createFilter } from './filter.js';
import { createProject } from './project.js';

/** Called with the row and the error when an expression fails on one row; the row is dropped. */
export type RowErrorHandler = (error: unknown, row: readonly unknown[]) => void;

export interface Operator {
  process(batch: Batch): Batch;
}

type Factories = { [K in OperatorKind]: (spec: Extract<OperatorSpec, { kind: K }>, onError: RowErrorHandler) => Operator };

const FACTORIES: Factories = {
  filter: createFilter,
  project: createProject,
};

export function createOperator(spec: OperatorSpec, onError: RowErrorHandler): Operator {
  return (FACTORIES[spec.kind] as (s: OperatorSpec, e: RowErrorHandler) => Operator)(spec, onError);
}
