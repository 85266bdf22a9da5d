/** `--config k=v` flags (Kafka's names) → a TopicConfigChange, for `topics create` and `topics alter`. */
import { parseKafkaConfig } from '../../store/topic-config.js';
import type { TopicConfigChange } from '../../store/topic-store.js';
import { ToolError } from './tool-runner.js';

export function configFlags(flags: readonly string[]): TopicConfigChange {
  let change: TopicConfigChange = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) throw new ToolError(`--config expects name=value, got '${flag}'`);
    const parsed = parseKafkaConfig(flag.slice(0, eq), flag.slice(eq + 1));
    if (typeof parsed === 'string') throw new ToolError(parsed);
    change = { ...change, ...parsed };
  }
  return change;
}
