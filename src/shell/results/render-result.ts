/** One renderer per result '@type'; the switch is exhaustive, so a new type will not compile until drawn. */
import type { StatementResult } from '../../client/results.js';
import { renderCommandStatus } from './command-status.js';
import { renderProperties } from './properties.js';
import { renderPropertyChanged } from './property-changed.js';
import { renderQueriesList } from './queries-list.js';
import { renderSourceDescription } from './source-description.js';
import { renderStreamsList } from './streams-list.js';
import { renderTablesList } from './tables-list.js';
import { renderTopicsList } from './topics-list.js';
import { renderTypesList } from './types-list.js';
import { renderVariables } from './variables.js';

/** Lines to print for a result, fitted to `width` columns, warnings last. */
export function renderResult(r: StatementResult, width: number): string[] {
  const warnings = 'warnings' in r ? r.warnings : [];
  return [...resultBody(r, width), ...warnings.map((w) => `WARNING: ${w.message}`)];
}

function resultBody(r: StatementResult, width: number): string[] {
  switch (r['@type']) {
    case 'currentStatus':
      return renderCommandStatus(r, width);
    case 'streams':
      return renderStreamsList(r, width);
    case 'tables':
      return renderTablesList(r, width);
    case 'kafka_topics':
      return renderTopicsList(r, width);
    case 'queries':
      return renderQueriesList(r, width);
    case 'properties':
      return renderProperties(r, width);
    case 'variables':
      return renderVariables(r, width);
    case 'type_list':
      return renderTypesList(r, width);
    case 'sourceDescription':
      return renderSourceDescription(r, width);
    case 'property_changed':
      return renderPropertyChanged(r);
  }
}
