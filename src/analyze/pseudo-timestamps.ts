/**
 * ksqlDB's "magic" pseudo-timestamps: in a WHERE clause, a string literal compared with ROWTIME,
 * WINDOWSTART or WINDOWEND (by =, <>, <, <=, >, >= or BETWEEN) is a datetime, possibly partial
 * ('2018', '2020-02-23T23:45', '2019-01-01T00:00:00+0445'), and stands for its epoch
 * milliseconds. The literals are rewritten into BIGINT literals before the WHERE is typed, so
 * the comparison is an ordinary BIGINT one. Text that is no datetime is left alone (and then
 * fails to type as a STRING-BIGINT comparison).
 */
import type { Expr } from '../sql/ast.js';
import { mapExpr } from '../sql/expr-rewrite.js';

/** The pseudo columns that hold epoch milliseconds. */
const TIME_COLUMNS: ReadonlySet<string> = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);
const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** yyyy[-MM[-dd[THH[:mm[:ss[.SSS]]]]]] with an optional zone (Z, +hh, +hhmm, +hh:mm); UTC without one. */
const PARTIAL_DATETIME = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch ms of a (partial) datetime text, missing parts at their start; hour 24 is the next day's start. */
export function partialDatetimeMs(text: string): number | undefined {
  const m = PARTIAL_DATETIME.exec(text);
  if (!m) return undefined;
  const n = (i: number, d: number): number => (m[i] === undefined ? d : Number(m[i]));
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  const utc = Date.UTC(n(1, 0), n(2, 1) - 1, n(3, 1), n(4, 0), n(5, 0), n(6, 0), ms);
  const zone = m[8];
  if (zone === undefined || zone === 'Z') return utc;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
  return utc - (zone[0] === '-' ? -1 : 1) * offsetMin * 60_000;
}

const isTimeColumn = (e: Expr): boolean => e.kind === 'ColumnRef' && TIME_COLUMNS.has(e.name);

function asMillis(e: Expr): Expr {
  if (e.kind !== 'StringLiteral') return e;
  const ms = partialDatetimeMs(e.value);
  return ms === undefined ? e : { kind: 'IntegerLiteral', text: String(ms), span: e.span };
}

/** `where` with datetime literals compared with the time pseudo columns turned into epoch ms. */
export function pseudoTimestampLiterals(where: Expr): Expr {
  return mapExpr(where, (e) => {
    if (e.kind === 'Binary' && COMPARISONS.has(e.op)) {
      const leftTime = isTimeColumn(e.left);
      const rightTime = isTimeColumn(e.right);
      if (!leftTime && !rightTime) return undefined;
      return { ...e, left: rightTime ? asMillis(e.left) : e.left, right: leftTime ? asMillis(e.right) : e.right };
    }
    if (e.kind === 'Between' && isTimeColumn(e.operand)) return { ...e, low: asMillis(e.low), high: asMillis(e.high) };
    return undefined;
  });
}
