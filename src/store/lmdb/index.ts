import { LmdbTopicStore, type LmdbTopicStoreOptions } from './lmdb-topic-store.js';

export { LmdbTopicStore } from './lmdb-topic-store.js';

export function openLmdbTopicStore(dir: string, options: LmdbTopicStoreOptions = {}): Promise<LmdbTopicStore> {
  return LmdbTopicStore.open(dir, options);
}
