/**
 * `post` conditions: after the case ran, the catalog holds the expected sources (kind, schema,
 * formats, single-value wrapping) and the store the expected topics.
 */
import type { CatalogReader, SourceDef } from '../analyze/catalog.js';
import type { TopicStore } from '../store/topic-store.js';
import type { QttPost, QttPostSource } from './qtt-case.js';
import { parseSchemaText, schemaToText, sourceSchema } from './schema-text.js';

export function verifyPost(post: QttPost, catalog: CatalogReader, store: TopicStore): string | undefined {
  for (const expected of post.sources) {
    const source = catalog.getSource(expected.name) ?? catalog.getSource(expected.name.toUpperCase());
    if (!source) return `post: source ${expected.name} does not exist`;
    const d = sourceDifference(source, expected);
    if (d) return `post: source ${expected.name}: ${d}`;
  }
  for (const t of post.topics) {
    const desc = store.describeTopic(t.name);
    if (!desc) return `post: topic ${t.name} does not exist`;
    if (t.partitions !== undefined && desc.config.partitions !== t.partitions) {
      return `post: topic ${t.name}: expected ${t.partitions} partitions but has ${desc.config.partitions}`;
    }
    const source = catalog.listSources().find((s) => s.topic === t.name);
    if (source && t.keyFormat && t.keyFormat.toUpperCase() !== source.keyFormat.toUpperCase()) {
      return `post: topic ${t.name}: expected key format ${t.keyFormat} but ${source.name} has ${source.keyFormat}`;
    }
    if (source && t.valueFormat && t.valueFormat.toUpperCase() !== source.valueFormat.toUpperCase()) {
      return `post: topic ${t.name}: expected value format ${t.valueFormat} but ${source.name} has ${source.valueFormat}`;
    }
  }
  if (post.topicsBlacklist !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${post.topicsBlacklist})$`);
    } catch {
      return `post: invalid topic blacklist ${post.topicsBlacklist}`;
    }
    const hit = store.listTopics().find((t) => re.test(t.name));
    if (hit) return `post: topic ${hit.name} should not exist (blacklist ${post.topicsBlacklist})`;
  }
  return undefined;
}

function sourceDifference(source: SourceDef, expected: QttPostSource): string | undefined {
  if (expected.type && expected.type.toUpperCase() !== source.kind) return `expected a ${expected.type.toUpperCase()} but is a ${source.kind}`;
  if (expected.schema !== undefined) {
    const want = parseSchemaText(expected.schema);
    if ('error' in want) return want.error;
    const wantText = schemaToText(want);
    const gotText = schemaToText(sourceSchema(source));
    if (wantText !== gotText) return `schema: expected ${wantText} but got ${gotText}`;
  }
  if (expected.keyFormat && expected.keyFormat.toUpperCase() !== source.keyFormat.toUpperCase()) {
    return `key format: expected ${expected.keyFormat} but got ${source.keyFormat}`;
  }
  if (expected.valueFormat && expected.valueFormat.toUpperCase() !== source.valueFormat.toUpperCase()) {
    return `value format: expected ${expected.valueFormat} but got ${source.valueFormat}`;
  }
  const features = expected.valueFeatures ?? [];
  if (features.includes('UNWRAP_SINGLES') && source.wrapSingleValue !== false) return 'value features: expected UNWRAP_SINGLES';
  if (features.includes('WRAP_SINGLES') && source.wrapSingleValue !== true) return 'value features: expected WRAP_SINGLES';
  if (expected.isSource !== undefined && expected.isSource !== source.isSource) return `isSource: expected ${expected.isSource} but got ${source.isSource}`;
  return undefined;
}
