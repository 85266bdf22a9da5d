/**
 * The seeded Nexmark event generator (the Nexmark spec as in nexmark/nexmark and Beam's original):
 * event number n has event time baseTime + n inter-event delays; its id decides whether it is a
 * person, an auction or a bid (1:3:46 by default); hot sellers, auctions and bidders get most of
 * the traffic. Deterministic for a given config (seed included).
 */
import {
  CHANNELS_NUMBER,
  FIRST_AUCTION_ID,
  FIRST_CATEGORY_ID,
  FIRST_PERSON_ID,
  HOT_AUCTION_RATIO,
  HOT_BIDDER_RATIO,
  HOT_CHANNELS,
  HOT_CHANNELS_RATIO,
  HOT_SELLER_RATIO,
  NUM_CATEGORIES,
  timestampForEvent,
  totalProportion,
  type NexmarkConfig,
} from './config.js';
import { lastBase0AuctionId, lastBase0PersonId, nextBase0AuctionId, nextBase0PersonId } from './ids.js';
import type { Auction, Bid, NexmarkEvent, Person } from './model.js';
import { seededRandom, type Random } from './random.js';
import { ExtraPool, nextPrice, nextString } from './strings.js';

const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const US_CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];
/** Size Nexmark counts for each fixed-width (numeric/time) field when padding `extra`. */
const FIELD_BYTES = 8;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[random.nextInt(items.length)]!;
}

/** Java's Integer.reverse then Math.abs (which leaves MIN_VALUE negative): Nexmark's channel ids. */
function channelIdOf(i: number): number {
  let r = 0;
  for (let b = 0; b < 32; b++) r = (r << 1) | ((i >>> b) & 1);
  return r === -2147483648 ? r : Math.abs(r);
}

function baseUrl(random: Random): string {
  return `https://www.nexmark.com/${nextString(random, 5, '_')}/${nextString(random, 5, '_')}/${nextString(random, 5, '_')}/item.htm?query=1`;
}

/** Fixed tables drawn once per generator from their own random stream. */
interface Tables {
  readonly extras: ExtraPool;
  readonly hotUrls: readonly string[];
  readonly channels: readonly (readonly [channel: string, url: string])[];
}

function makeTables(seed: number): Tables {
  const random = seededRandom(seed ^ 0x5eed7ab1);
  const extras = new ExtraPool(random);
  const hotUrls = HOT_CHANNELS.map(() => baseUrl(random));
  const channels: (readonly [string, string])[] = [];
  for (let i = 0; i < CHANNELS_NUMBER; i++) {
    const url = baseUrl(random);
    channels.push([`channel-${i}`, random.nextInt(10) > 0 ? `${url}&channel_id=${channelIdOf(i)}` : url]);
  }
  return { extras, hotUrls, channels };
}

function nextPerson(c: NexmarkConfig, t: Tables, random: Random, eventId: number, dateTime: number): Person {
  const id = lastBase0PersonId(c, eventId) + FIRST_PERSON_ID;
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const emailAddress = `${nextString(random, 7)}@${nextString(random, 5)}.com`;
  const groups: string[] = [];
  for (let i = 0; i < 4; i++) groups.push(String(random.nextInt(10_000)).padStart(4, '0'));
  const creditCard = groups.join(' ');
  const city = pick(random, US_CITIES);
  const state = pick(random, US_STATES);
  const size = FIELD_BYTES + name.length + emailAddress.length + creditCard.length + city.length + state.length;
  const extra = t.extras.extra(random, size, c.avgPersonByteSize);
  return { id, name, emailAddress, creditCard, city, state, dateTime, extra };
}

/** How long an auction runs: up to twice the event time it takes for numInFlightAuctions new auctions. */
function nextAuctionLengthMs(c: NexmarkConfig, random: Random, eventNumber: number, dateTime: number): number {
  const eventsForAuctions = Math.floor((c.numInFlightAuctions * totalProportion(c)) / c.auctionProportion);
  const horizonMs = timestampForEvent(c, eventNumber + eventsForAuctions) - dateTime;
  return 1 + random.nextInt(Math.max(horizonMs * 2, 1));
}

function nextAuction(c: NexmarkConfig, t: Tables, random: Random, eventId: number, dateTime: number): Auction {
  const id = lastBase0AuctionId(c, eventId) + FIRST_AUCTION_ID;
  const seller =
    FIRST_PERSON_ID +
    (random.nextInt(c.hotSellersRatio) > 0
      ? Math.floor(lastBase0PersonId(c, eventId) / HOT_SELLER_RATIO) * HOT_SELLER_RATIO
      : nextBase0PersonId(c, eventId, random));
  const category = FIRST_CATEGORY_ID + random.nextInt(NUM_CATEGORIES);
  const initialBid = nextPrice(random);
  const expires = dateTime + nextAuctionLengthMs(c, random, eventId, dateTime);
  const itemName = nextString(random, 20);
  const description = nextString(random, 100);
  const reserve = initialBid + nextPrice(random);
  const size = FIELD_BYTES + itemName.length + description.length + 5 * FIELD_BYTES;
  const extra = t.extras.extra(random, size, c.avgAuctionByteSize);
  return { id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra };
}

function nextBid(c: NexmarkConfig, t: Tables, random: Random, eventId: number, dateTime: number): Bid {
  const auction =
    FIRST_AUCTION_ID +
    (random.nextInt(c.hotAuctionRatio) > 0
      ? Math.floor(lastBase0AuctionId(c, eventId) / HOT_AUCTION_RATIO) * HOT_AUCTION_RATIO
      : nextBase0AuctionId(c, eventId, random));
  // Hot bidders are the person ids one past the hot sellers (x00 + 1).
  const bidder =
    FIRST_PERSON_ID +
    (random.nextInt(c.hotBiddersRatio) > 0
      ? Math.floor(lastBase0PersonId(c, eventId) / HOT_BIDDER_RATIO) * HOT_BIDDER_RATIO + 1
      : nextBase0PersonId(c, eventId, random));
  const price = nextPrice(random);
  let channel: string;
  let url: string;
  if (random.nextInt(HOT_CHANNELS_RATIO) > 0) {
    const i = random.nextInt(HOT_CHANNELS.length);
    channel = HOT_CHANNELS[i]!;
    url = t.hotUrls[i]!;
  } else {
    [channel, url] = t.channels[random.nextInt(t.channels.length)]!;
  }
  const extra = t.extras.extra(random, 4 * FIELD_BYTES, c.avgBidByteSize);
  return { auction, bidder, price, channel, url, dateTime, extra };
}

/** The events of `config`, in event-time order (Nexmark's out-of-order groups are size 1 by default). */
export function* generateEvents(c: NexmarkConfig): Generator<NexmarkEvent> {
  const random = seededRandom(c.seed);
  const tables = makeTables(c.seed);
  const total = totalProportion(c);
  for (let n = 0; n < c.numEvents; n++) {
    const dateTime = timestampForEvent(c, n);
    const slot = n % total;
    if (slot < c.personProportion) yield { kind: 'person', person: nextPerson(c, tables, random, n, dateTime) };
    else if (slot < c.personProportion + c.auctionProportion) yield { kind: 'auction', auction: nextAuction(c, tables, random, n, dateTime) };
    else yield { kind: 'bid', bid: nextBid(c, tables, random, n, dateTime) };
  }
}
