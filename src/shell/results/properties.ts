import type { PropertiesResult } from '../../client/results.js';
import { listTable } from '../table-layout.js';

export function renderProperties(r: PropertiesResult, width: number): string[] {
  const level = (name: string): string => (r.overwrittenProperties.includes(name) ? 'SESSION' : 'SERVER');
  return listTable(
    ['Property', 'Scope', 'Level', 'Value'],
    r.properties.map((p) => [p.name, p.scope, level(p.name), p.value]),
    width,
  );
}
