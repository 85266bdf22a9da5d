import type { CommandStatusResult } from '../results.js';

export function statusResult(statementText: string, commandId: string, message: string): CommandStatusResult {
  return { '@type': 'currentStatus', statementText, commandId, commandStatus: { status: 'SUCCESS', message }, warnings: [] };
}

/** CREATE ... IF NOT EXISTS on a name that is taken: a success status saying nothing was created. */
export function alreadyExistsResult(statementText: string, sourceType: 'STREAM' | 'TABLE', name: string, existingKind: string): CommandStatusResult {
  const kindWord = sourceType === 'STREAM' ? 'stream' : 'table';
  return statusResult(statementText, `${kindWord}/${name}/create`, `Cannot add ${kindWord} ${name}: A ${existingKind.toLowerCase()} with the same name already exists.`);
}
