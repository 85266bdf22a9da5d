/** The integrated LMDB topic store: the only way in is openLmdbTopicStore. */
import { LmdbTopicStore, type LmdbTopicStoreOptions } from './lmdb-topic-store.js';

export { LmdbTopicStore, type Durability, type LmdbTopicStoreOptions } from './lmdb-topic-store.js';

/** Opens (creating if missing) the store in `dir`. The caller must hold the data-dir lock. */
export function openLmdbTopicStore(dir: string, options: LmdbTopicStoreOptions = {}): Promise<LmdbTopicStore> {
  return LmdbTopicStore.open(dir, options);
}
