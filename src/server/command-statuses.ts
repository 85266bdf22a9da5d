/** Statuses of the commands (CREATE, DROP, ...) run through this server, for GET /status. Bounded. */
import { MAX_COMMAND_STATUSES } from './limits.js';

export interface CommandStatus {
  readonly status: string;
  readonly message: string;
}

export class CommandStatuses {
  private readonly byId = new Map<string, CommandStatus>();

  constructor(private readonly limit = MAX_COMMAND_STATUSES) {}

  record(commandId: string, status: CommandStatus): void {
    this.byId.delete(commandId);
    this.byId.set(commandId, status);
    if (this.byId.size > this.limit) this.byId.delete(this.byId.keys().next().value!);
  }

  get(commandId: string): CommandStatus | undefined {
    return this.byId.get(commandId);
  }

  all(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [id, s] of this.byId) out[id] = s.status;
    return out;
  }
}
