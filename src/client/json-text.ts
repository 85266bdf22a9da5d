/**
 * JSON text for client values: like JSON.stringify, but a bigint prints as an exact JSON number
 * (JSON.stringify throws on bigint, and Number() would lose digits beyond 2^53).
 */
export function toJsonText(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
      return 'null';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
      const parts: string[] = [];
      for (const [k, v] of Object.entries(value)) if (v !== undefined) parts.push(`${JSON.stringify(k)}:${toJsonText(v)}`);
      return `{${parts.join(',')}}`;
    }
    default:
      return JSON.stringify(String(value));
  }
}
