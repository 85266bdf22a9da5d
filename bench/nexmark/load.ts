/**
 * Puts one generated event set where both engines read it: the streamsql topics `person`,
 * `auction`, `bid` (JSON values, record timestamp = dateTime, through the engine's own API and
 * store) and, for Flink, one file in the shape of Nexmark's `datagen` table (one JSON object per
 * line: event_type 0/1/2 and the event under person/auction/bid).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Engine } from '../../src/engine/engine.js';
import type { ProducerRecord } from '../../src/store/topic-store.js';
import type { NexmarkConfig } from './generator/config.js';
import { generateEvents } from './generator/generator.js';
import type { Auction, Bid, EventKind, NexmarkEvent, Person } from './generator/model.js';
import { executeOrThrow } from './session.js';

/** Records per store append: one LMDB transaction each. */
export const LOAD_BATCH_RECORDS = 10_000;

/** The streamsql streams over the three topics; one partition each, so order is event-time order. */
export const STREAMSQL_DDL = `
CREATE STREAM person (id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING,
  dateTime TIMESTAMP, extra STRING)
  WITH (kafka_topic='person', partitions=1, value_format='JSON', timestamp='dateTime');
CREATE STREAM auction (id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,
  dateTime TIMESTAMP, expires TIMESTAMP, seller BIGINT, category BIGINT, extra STRING)
  WITH (kafka_topic='auction', partitions=1, value_format='JSON', timestamp='dateTime');
CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
  dateTime TIMESTAMP, extra STRING)
  WITH (kafka_topic='bid', partitions=1, value_format='JSON', timestamp='dateTime');
`;

/**
 * End of input. Flink closes every window when its bounded input ends; a streaming engine over
 * a topic never sees an end, so windows wait for later events. After the generated events both
 * engines get one more bid, this far past the last event, that closes every real window in
 * both; the rows it makes itself (its own windows, which only Flink flushes) carry
 * END_OF_INPUT_AUCTION and are left out of the result comparison.
 */
export const END_OF_INPUT_GAP_MS = 3_600_000;
export const END_OF_INPUT_AUCTION = -1;

function endOfInputBid(lastDateTime: number): NexmarkEvent {
  return {
    kind: 'bid',
    bid: { auction: END_OF_INPUT_AUCTION, bidder: -1, price: 0, channel: 'end', url: '', dateTime: lastDateTime + END_OF_INPUT_GAP_MS, extra: 'end of input' },
  };
}

const EVENT_TYPE: Readonly<Record<EventKind, number>> = { person: 0, auction: 1, bid: 2 };

/** Flink's JSON format reads TIMESTAMP(3) as SQL text `yyyy-MM-dd HH:mm:ss.SSS` (UTC here). */
export function flinkTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** The event's own fields, with times as epoch ms (what the streamsql TIMESTAMP columns read). */
function payload(e: NexmarkEvent): Person | Auction | Bid {
  switch (e.kind) {
    case 'person':
      return e.person;
    case 'auction':
      return e.auction;
    case 'bid':
      return e.bid;
  }
}

export function flinkLine(e: NexmarkEvent): string {
  const p = payload(e);
  const times = { dateTime: flinkTimestamp(p.dateTime), ...('expires' in p ? { expires: flinkTimestamp(p.expires) } : {}) };
  return JSON.stringify({ event_type: EVENT_TYPE[e.kind], [e.kind]: { ...p, ...times } });
}

export interface LoadCounts {
  readonly person: number;
  readonly auction: number;
  readonly bid: number;
}

/** Generates the events of `config` into the engine's topics and into `eventsFile`. */
export async function loadEvents(engine: Engine, config: NexmarkConfig, eventsFile: string): Promise<LoadCounts> {
  await executeOrThrow(engine.createSession(), STREAMSQL_DDL);
  const pending: Record<EventKind, ProducerRecord[]> = { person: [], auction: [], bid: [] };
  const counts = { person: 0, auction: 0, bid: 0 };
  const encoder = new TextEncoder();
  const file = createWriteStream(eventsFile);
  let fileChunk: string[] = [];
  const flush = async (kind: EventKind): Promise<void> => {
    if (pending[kind].length === 0) return;
    await engine.store.append(kind, 0, pending[kind]);
    pending[kind] = [];
  };
  let lastDateTime = config.baseTime;
  const events = function* (): Generator<NexmarkEvent> {
    for (const e of generateEvents(config)) {
      lastDateTime = Math.max(lastDateTime, payload(e).dateTime);
      yield e;
    }
    yield endOfInputBid(lastDateTime);
  };
  for (const e of events()) {
    const p = payload(e);
    pending[e.kind].push({ key: null, value: encoder.encode(JSON.stringify(p)), timestamp: p.dateTime });
    counts[e.kind]++;
    if (pending[e.kind].length >= LOAD_BATCH_RECORDS) await flush(e.kind);
    fileChunk.push(flinkLine(e));
    if (fileChunk.length >= LOAD_BATCH_RECORDS) {
      if (!file.write(fileChunk.join('\n') + '\n')) await once(file, 'drain');
      fileChunk = [];
    }
  }
  await Promise.all([flush('person'), flush('auction'), flush('bid')]);
  if (fileChunk.length > 0) file.write(fileChunk.join('\n') + '\n');
  file.end();
  await once(file, 'finish');
  return counts;
}
