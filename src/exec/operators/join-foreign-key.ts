/**
 * Foreign-key table-table join (ksqlDB 0.19+): the left table joins the right table's row whose
 * primary key equals the left row's foreign-key expression; the result is keyed by the left
 * table's primary key.
 * - a left change emits the left row with its match (LEFT: padded when there is none; INNER: a
 *   tombstone when an earlier result of that key is gone); a left delete emits a tombstone;
 * - a right change re-emits every left row that refers to it (a right delete: INNER tombstones,
 *   LEFT padded rows). An index from foreign key to left keys finds them.
 * Result time: the later of the two rows' times (a right delete: its own time).
 */
import { valueKey } from '../../functions/aggregate/value-key.js';
import { compileExpr } from '../compile/index.js';
import { isTombstone, markTombstone } from '../row-flags.js';
import type { KeyValueState } from '../state/key-value-state.js';
import type { RowErrorHandler } from './operator.js';
import type { JoinRows, JoinSpec, JoinStep } from './join.js';

export function foreignKeyJoin(j: JoinSpec, state: KeyValueState, rows: JoinRows, onError: RowErrorHandler): JoinStep {
  const fkOf = compileExpr(j.leftKey);
  const pkWidth = j.leftPrimaryKeyWidth ?? 1;
  const pkOf = (row: readonly unknown[]): unknown => (pkWidth === 1 ? row[0] : row.slice(0, pkWidth));
  const fkKey = (row: readonly unknown[], report: RowErrorHandler = onError): string | undefined => {
    try {
      const fk = fkOf(row);
      return fk === null || fk === undefined ? undefined : valueKey(fk);
    } catch (err) {
      report(err, row);
      return undefined;
    }
  };
  // Foreign key -> the left keys that refer to it. Derived from the left rows, so it lives in
  // memory only and is rebuilt from them on restart: kept in the state, every change rewrote a
  // foreign key's whole list to the changelog.
  const index = new Map<string, Set<string>>();
  const addToIndex = (fk: string, lk: string): void => {
    const keys = index.get(fk);
    if (keys === undefined) index.set(fk, new Set([lk]));
    else keys.add(lk);
  };
  const removeFromIndex = (fk: string, lk: string): void => {
    const keys = index.get(fk);
    if (keys?.delete(lk) && keys.size === 0) index.delete(fk);
  };
  const lefts = state.namespace('0:');
  const rights = state.namespace('1:');
  for (const [lk, row] of lefts.entries()) {
    // Errors in these rows were reported when they arrived.
    const fk = fkKey(row as unknown[], () => undefined);
    if (fk !== undefined) addToIndex(fk, lk);
  }
  // State written before the index moved to memory (and its per-row result markers).
  for (const key of [...state.entries()].map(([k]) => k)) if (key.startsWith('fk:') || key.startsWith('J:')) state.delete(key);

  // Whether a left row's last emission was a join result (not a tombstone) follows from the
  // state: INNER, iff its foreign key's right row existed then, and every change of that right row
  // re-emits it. So no per-row marker is kept (it doubled the join's changelog).
  const emit = (left: unknown[], right: unknown[] | undefined, hadResult: boolean, t: number, out: unknown[][]): void => {
    if (right !== undefined || rows.outer[0]) out.push(rows.combine(left, right, t, pkOf(left)));
    else if (hadResult) out.push(markTombstone(rows.combine(left, undefined, t, pkOf(left))));
  };

  return (side, k, _key, row, out) => {
    if (side === 1) {
      const hadResult = rows.outer[0] || rights.get(k) !== undefined;
      if (isTombstone(row)) rights.delete(k);
      else rights.put(k, row);
      const right = isTombstone(row) ? undefined : row;
      const t = rows.timeOf(row, 1);
      for (const lk of index.get(k) ?? []) {
        const left = lefts.get(lk) as unknown[];
        emit(left, right, hadResult, right ? Math.max(t, rows.timeOf(left, 0)) : t, out);
      }
      return;
    }
    // Left rows are keyed by their primary key; `k` here is the foreign key, so re-key.
    const lk = valueKey(pkOf(row));
    const old = lefts.get(lk) as unknown[] | undefined;
    const oldFk = old ? fkKey(old) : undefined;
    const hadResult = old !== undefined && (rows.outer[0] || (oldFk !== undefined && rights.get(oldFk) !== undefined));
    if (oldFk !== undefined) removeFromIndex(oldFk, lk);
    const t = rows.timeOf(row, 0);
    if (isTombstone(row)) {
      lefts.delete(lk);
      out.push(markTombstone(rows.combine(row, undefined, t, pkOf(row))));
      return;
    }
    lefts.put(lk, row);
    const fk = fkKey(row);
    if (fk !== undefined) addToIndex(fk, lk);
    const right = fk === undefined ? undefined : (rights.get(fk) as unknown[] | undefined);
    emit(row, right, hadResult, right ? Math.max(t, rows.timeOf(right, 1)) : t, out);
  };
}
