/** The aggregate-function registry: one line per family file. */
import type { AggregateFunction } from './aggregate-function.js';
import { ATTR } from './attr.js';
import { EARLIEST_BY_OFFSET, LATEST_BY_OFFSET } from './by-offset.js';
import { COLLECT_LIST, COLLECT_SET } from './collect.js';
import { COUNT, COUNT_DISTINCT } from './count.js';
import { HISTOGRAM } from './histogram.js';
import { MAX, MIN } from './min-max.js';
import { AVG, CORRELATION, STDDEV_SAMP, STDDEV_SAMPLE, SUM } from './sum-avg.js';
import { SUM_LIST } from './sum-list.js';
import { TOPK, TOPKDISTINCT } from './topk.js';

const ALL: readonly AggregateFunction[] = [
  COUNT, COUNT_DISTINCT, SUM, AVG, STDDEV_SAMP, STDDEV_SAMPLE, CORRELATION, MIN, MAX,
  COLLECT_LIST, COLLECT_SET, EARLIEST_BY_OFFSET, LATEST_BY_OFFSET, TOPK, TOPKDISTINCT, HISTOGRAM, ATTR, SUM_LIST,
];

const BY_NAME = new Map(ALL.map((f) => [f.name, f]));

export function getAggregateFunction(name: string): AggregateFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function isAggregateFunction(name: string): boolean {
  return BY_NAME.has(name.toUpperCase());
}

export function listAggregateFunctions(): readonly AggregateFunction[] {
  return ALL;
}
