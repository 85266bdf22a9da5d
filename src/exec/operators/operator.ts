/**
 * The operator contract: `process` is synchronous and returns the output batch. Every physical
 * operator kind must have a factory here, or this file does not compile.
 */
import type { OperatorKind, OperatorSpec } from '../../plan/physical-plan.js';
import type { Batch } from '../batch.js';
import type { KeyValueState } from '../state/key-value-state.js';
import { createAggregate } from './aggregate.js';
import { createFilter } from './filter.js';
import { createFlatMap } from './flat-map.js';
import { createJoin } from './join.js';
import { createProject } from './project.js';

/** Called with the row and the error when an expression fails on one row; the row is dropped. */
export type RowErrorHandler = (error: unknown, row: readonly unknown[]) => void;

export interface Operator {
  process(batch: Batch): Batch;
}

/** What stateful operators get from the query that runs them. */
export interface OperatorEnv {
  /** The operator's state (persistent queries: restored from and written to a changelog). */
  readonly state: KeyValueState;
  /** A record arrived after its window closed (it is dropped). */
  readonly onLateRecord: () => void;
}

type Factory<K extends OperatorKind> = (spec: Extract<OperatorSpec, { kind: K }>, onError: RowErrorHandler, env: OperatorEnv) => Operator;
type Factories = { [K in OperatorKind]: Factory<K> };

const FACTORIES: Factories = {
  join: createJoin,
  filter: createFilter,
  aggregate: createAggregate,
  flatMap: createFlatMap,
  project: createProject,
};

export function createOperator(spec: OperatorSpec, onError: RowErrorHandler, env: OperatorEnv): Operator {
  return (FACTORIES[spec.kind] as Factory<OperatorKind>)(spec as never, onError, env);
}
