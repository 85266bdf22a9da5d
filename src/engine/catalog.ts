/**
 * The in-memory catalog of streams and tables. Mutations happen only through commands that are
 * first made durable in the command topic (see command-log.ts), so replay rebuilds the same state.
 */
import type { CatalogReader, SourceDef } from '../analyze/catalog.js';

export class Catalog implements CatalogReader {
  private readonly sources = new Map<string, SourceDef>();

  getSource(name: string): SourceDef | undefined {
    return this.sources.get(name);
  }

  listSources(): readonly SourceDef[] {
    return [...this.sources.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  put(source: SourceDef): void {
    this.sources.set(source.name, source);
  }

  remove(name: string): boolean {
    return this.sources.delete(name);
  }

  /** Sources reading or writing `topic`. */
  sourcesOnTopic(topic: string): SourceDef[] {
    return [...this.sources.values()].filter((s) => s.topic === topic);
  }
}
