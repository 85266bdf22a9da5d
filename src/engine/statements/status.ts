import type { CommandStatusResult } from '../results.js';

export function statusResult(statementText: string, commandId: string, message: string): CommandStatusResult {
  return { '@type': 'currentStatus', statementText, commandId, commandStatus: { status: 'SUCCESS', message }, warnings: [] };
}
