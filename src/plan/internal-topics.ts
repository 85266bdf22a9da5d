/**
 * The internal topics ksqlDB's Kafka Streams topology has for a query's joins, under ksqlDB's
 * names, so that a persistent query declares the same topics (decision 0049). Our engine joins in
 * memory and keeps its state in one changelog of its own: these topics describe the topology and
 * stay empty.
 *
 * ksqlDB re-keys a join side through a repartition topic when its key is not the join expression,
 * or when its key format is not the join's key format (the left side's, unless the left is being
 * re-keyed anyway: then the right's; for two re-keyed sides the first non-NONE source format or the
 * default key format). Names:
 * - stream-stream: `Join-left-repartition` / `Join-right-repartition`, and the two window stores'
 *   changelogs `KSTREAM-{JOIN|OUTER}{THIS|OTHER}-<node>-store-changelog`, where <node> is Kafka
 *   Streams' processor counter at the join (modelled per node kind below);
 * - stream-table: the stream side `Join-repartition`; the table side, when its key format differs,
 *   `RightSourceKeyed-SelectKey-repartition` and `RightSourceKeyed-Materialize-changelog`, else its
 *   source store `KafkaTopic_Right-Reduce-changelog`;
 * - table-table: the same per side (`Left...` / `Right...`).
 * A join nested as the left input of another is named with the prefix `L_` (per level).
 */
import type { SourceDef } from '../analyze/catalog.js';
import type { AnalyzedJoin } from '../analyze/join.js';

export interface InternalTopic {
  /** Without the query's application id prefix. */
  readonly name: string;
  /** The source whose partition count the topic takes. */
  readonly like: SourceDef;
}

/** Kafka Streams processors per topology step (the store names count them). */
const NODES = {
  /** Source, row builder, alias projection. */
  streamSource: 3,
  /** Key selection and the repartition topic's filter, sink and source. */
  streamRekey: 4,
  tableSource: 4,
  /** To a stream, re-key, repartition, back to a materialized table. */
  tableRekey: 8,
  /** Two windowing processors, this-join, other-join, merge. */
  streamStreamJoin: 5,
  streamTableJoin: 1,
  tableTableJoin: 3,
} as const;

/** `KSTREAM-JOINTHIS-0000000012`: Kafka Streams' generated processor names. */
const nodeName = (kind: string, n: number): string => `KSTREAM-${kind}-${String(n).padStart(10, '0')}`;

type Tree =
  | { readonly kind: 'source'; readonly source: SourceDef; readonly rekeyed: boolean }
  | { readonly kind: 'join'; readonly join: AnalyzedJoin; readonly left: Tree; readonly right: Tree };

/** The join key format ksqlDB prefers: the left input's unless it is re-keyed, then the right's. */
function preferredKeyFormat(t: Tree): string | undefined {
  if (t.kind === 'source') return t.rekeyed ? undefined : t.source.keyFormat;
  return preferredKeyFormat(t.left) ?? preferredKeyFormat(t.right);
}

function sourcesOf(t: Tree): SourceDef[] {
  return t.kind === 'source' ? [t.source] : [...sourcesOf(t.left), ...sourcesOf(t.right)];
}

export function joinInternalTopics(scanned: SourceDef, joins: readonly AnalyzedJoin[], defaultKeyFormat: string): InternalTopic[] {
  if (joins.some((j) => j.foreignKey)) return [];
  let tree: Tree = { kind: 'source', source: scanned, rekeyed: joins[0]!.leftRekeyed };
  for (const j of joins) {
    tree = { kind: 'join', join: j, left: tree, right: { kind: 'source', source: j.right, rekeyed: j.rightRekeyed } };
  }
  const format =
    preferredKeyFormat(tree) ?? sourcesOf(tree).map((s) => s.keyFormat).find((f) => f !== 'NONE') ?? defaultKeyFormat;
  const topics: InternalTopic[] = [];
  let node = 0;

  /** A side's subtree: counts its processors; returns whether it goes through a repartition topic. */
  const side = (t: Tree, prefix: string, role: 'Left' | 'Right', rekeyedByKey: boolean): boolean => {
    if (t.kind === 'join') {
      walk(t, `L_${prefix}`);
      if (rekeyedByKey) node += NODES.streamRekey;
      return rekeyedByKey;
    }
    const s = t.source;
    if (s.kind === 'TABLE') {
      node += NODES.tableSource;
      if (s.keyFormat !== format) {
        node += NODES.tableRekey;
        topics.push({ name: `${prefix}${role}SourceKeyed-SelectKey-repartition`, like: s }, { name: `${prefix}${role}SourceKeyed-Materialize-changelog`, like: s });
      } else {
        topics.push({ name: `${prefix}KafkaTopic_${role}-Reduce-changelog`, like: s });
      }
      return false;
    }
    node += NODES.streamSource;
    const rekey = rekeyedByKey || s.keyFormat !== format;
    if (rekey) node += NODES.streamRekey;
    return rekey;
  };

  const walk = (t: Extract<Tree, { kind: 'join' }>, prefix: string): void => {
    const j = t.join;
    const like = sourcesOf(t.left)[0]!;
    switch (j.kind) {
      case 'STREAM_STREAM': {
        const l = side(t.left, prefix, 'Left', j.leftRekeyed);
        const r = side(t.right, prefix, 'Right', j.rightRekeyed);
        if (l) topics.push({ name: `${prefix}Join-left-repartition`, like });
        if (r) topics.push({ name: `${prefix}Join-right-repartition`, like: j.right });
        // After the two windowing processors: the this-join and other-join processors name the stores.
        const at = node + 2;
        const leftOuter = j.type === 'LEFT' || j.type === 'FULL';
        const rightOuter = j.type === 'RIGHT' || j.type === 'FULL';
        topics.push(
          { name: `${nodeName(rightOuter ? 'OUTERTHIS' : 'JOINTHIS', at)}-store-changelog`, like },
          { name: `${nodeName(leftOuter ? 'OUTEROTHER' : 'JOINOTHER', at + 1)}-store-changelog`, like: j.right },
        );
        node += NODES.streamStreamJoin;
        return;
      }
      case 'STREAM_TABLE': {
        // ksqlDB builds the table side first.
        side(t.right, prefix, 'Right', false);
        if (side(t.left, prefix, 'Left', j.leftRekeyed)) topics.push({ name: `${prefix}Join-repartition`, like });
        node += NODES.streamTableJoin;
        return;
      }
      case 'TABLE_TABLE': {
        side(t.left, prefix, 'Left', false);
        side(t.right, prefix, 'Right', false);
        node += NODES.tableTableJoin;
        return;
      }
    }
  };
  if (tree.kind === 'join') walk(tree, '');
  return topics;
}

/** Kafka Streams' application id of a ksqlDB persistent query: the prefix of its internal topics. */
export function queryApplicationId(serviceId: string, queryId: string): string {
  return `_confluent-ksql-${serviceId}query_${queryId}`;
}
