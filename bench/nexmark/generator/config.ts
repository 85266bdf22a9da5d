/**
 * Nexmark generator settings, with the defaults of the Nexmark suite (nexmark/nexmark
 * NexmarkConfiguration and the Beam original it follows).
 */
export interface NexmarkConfig {
  /** How many events to generate. */
  readonly numEvents: number;
  /** Seed of the random source: same seed, same events. */
  readonly seed: number;
  /** Event time of event number 0 (epoch ms). Fixed, not the wall clock, so runs repeat. */
  readonly baseTime: number;
  /** Events per second of event time; the inter-event delay is 1e6 / rate microseconds. */
  readonly eventRate: number;
  readonly personProportion: number;
  readonly auctionProportion: number;
  readonly bidProportion: number;
  /** 1 in hotAuctionRatio bids goes to a random in-flight auction, the rest to a hot one. */
  readonly hotAuctionRatio: number;
  readonly hotSellersRatio: number;
  readonly hotBiddersRatio: number;
  readonly numInFlightAuctions: number;
  readonly numActivePeople: number;
  readonly avgPersonByteSize: number;
  readonly avgAuctionByteSize: number;
  readonly avgBidByteSize: number;
}

/** 2015-07-15T00:00:00Z, the date of Nexmark's examples; any fixed instant would do. */
export const DEFAULT_BASE_TIME = Date.UTC(2015, 6, 15);

export const DEFAULT_CONFIG: NexmarkConfig = Object.freeze({
  numEvents: 100_000,
  seed: 1,
  baseTime: DEFAULT_BASE_TIME,
  eventRate: 10_000,
  personProportion: 1,
  auctionProportion: 3,
  bidProportion: 46,
  hotAuctionRatio: 2,
  hotSellersRatio: 4,
  hotBiddersRatio: 4,
  numInFlightAuctions: 100,
  numActivePeople: 1000,
  avgPersonByteSize: 200,
  avgAuctionByteSize: 500,
  avgBidByteSize: 100,
});

/** Ids start here (Nexmark's FIRST_PERSON_ID / FIRST_AUCTION_ID / FIRST_CATEGORY_ID). */
export const FIRST_PERSON_ID = 1000;
export const FIRST_AUCTION_ID = 1000;
export const FIRST_CATEGORY_ID = 10;
export const NUM_CATEGORIES = 5;
/** Ids a bid or auction may reference beyond the newest person/auction (not yet created). */
export const PERSON_ID_LEAD = 10;
export const AUCTION_ID_LEAD = 10;
/** Hot sellers, auctions and bidders are the ids that are multiples of these. */
export const HOT_SELLER_RATIO = 100;
export const HOT_AUCTION_RATIO = 100;
export const HOT_BIDDER_RATIO = 100;
export const HOT_CHANNELS_RATIO = 2;
export const CHANNELS_NUMBER = 10_000;
export const HOT_CHANNELS: readonly string[] = Object.freeze(['Google', 'Facebook', 'Baidu', 'Apple']);

export function totalProportion(c: NexmarkConfig): number {
  return c.personProportion + c.auctionProportion + c.bidProportion;
}

/** Event time of event number n: baseTime plus n inter-event delays, truncated to the ms. */
export function timestampForEvent(c: NexmarkConfig, eventNumber: number): number {
  const interEventDelayUs = 1_000_000 / c.eventRate;
  return c.baseTime + Math.trunc(Math.trunc(eventNumber * interEventDelayUs) / 1000);
}
