/** Runs a differential case's batch query in SQLite (sql.js) over the sources' final contents. */
import initSqlJs, { type Database } from 'sql.js';
import type { DiffCase, SourceSpec, Value } from './generator.js';

export type ResultRow = Record<string, Value>;

const SQLITE_TYPES = { INT: 'INTEGER', BIGINT: 'INTEGER', DOUBLE: 'REAL', STRING: 'TEXT' } as const;

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

/** Loads a source: every record of a stream; for a table, the latest row per key (tombstones delete). */
function load(db: Database, src: SourceSpec): void {
  const cols = [src.key, ...src.columns];
  const pk = src.kind === 'TABLE' ? ' PRIMARY KEY' : '';
  db.run(`CREATE TABLE ${src.name} (${cols.map((c, i) => `${c.name} ${SQLITE_TYPES[c.type]}${i === 0 ? pk : ''}`).join(', ')})`);
  const insert = db.prepare(`INSERT OR REPLACE INTO ${src.name} VALUES (${cols.map(() => '?').join(', ')})`);
  const remove = db.prepare(`DELETE FROM ${src.name} WHERE ${src.key.name} = ?`);
  for (const r of src.records) {
    if (r.value === undefined) remove.run([r.key]);
    else insert.run([r.key, ...src.columns.map((c) => r.value![c.name] ?? null)]);
  }
  insert.free();
  remove.free();
}

export async function runSqlite(c: DiffCase): Promise<ResultRow[]> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database();
  try {
    db.run('PRAGMA case_sensitive_like = ON');
    for (const src of c.sources) load(db, src);
    const [result] = db.exec(c.sqlite);
    if (!result) return [];
    return result.values.map((vs) => Object.fromEntries(result.columns.map((name, i) => [name.toUpperCase(), vs[i] as Value])));
  } finally {
    db.close();
  }
}
