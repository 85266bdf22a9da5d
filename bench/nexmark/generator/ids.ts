/**
 * Nexmark's id spaces. Event ids cycle through `totalProportion` slots: the first
 * `personProportion` slots of each cycle are people, the next `auctionProportion` auctions, the
 * rest bids. So the newest person and auction id follow from the event id alone, and bids and
 * auctions reference ids near the newest (in flight / active), a few not created yet (the lead).
 */
import { AUCTION_ID_LEAD, PERSON_ID_LEAD, totalProportion, type NexmarkConfig } from './config.js';
import type { Random } from './random.js';
import { nextLong } from './strings.js';

/** The newest person id (base 0) at this event id. */
export function lastBase0PersonId(c: NexmarkConfig, eventId: number): number {
  const total = totalProportion(c);
  const epoch = Math.floor(eventId / total);
  const offset = Math.min(eventId % total, c.personProportion - 1);
  return epoch * c.personProportion + offset;
}

/** The newest auction id (base 0) at this event id. */
export function lastBase0AuctionId(c: NexmarkConfig, eventId: number): number {
  const total = totalProportion(c);
  let epoch = Math.floor(eventId / total);
  let offset = eventId % total;
  if (offset < c.personProportion) {
    epoch--;
    offset = c.auctionProportion - 1;
  } else if (offset >= c.personProportion + c.auctionProportion) {
    offset = c.auctionProportion - 1;
  } else {
    offset -= c.personProportion;
  }
  return epoch * c.auctionProportion + offset;
}

/** A random one of the active people (or one of the next PERSON_ID_LEAD to be created). */
export function nextBase0PersonId(c: NexmarkConfig, eventId: number, random: Random): number {
  const numPeople = lastBase0PersonId(c, eventId) + 1;
  const active = Math.min(numPeople, c.numActivePeople);
  return numPeople - active + nextLong(random, active + PERSON_ID_LEAD);
}

/** A random in-flight auction (or one of the next AUCTION_ID_LEAD to be created). */
export function nextBase0AuctionId(c: NexmarkConfig, eventId: number, random: Random): number {
  const maxAuction = lastBase0AuctionId(c, eventId);
  const minAuction = Math.max(maxAuction - c.numInFlightAuctions, 0);
  return minAuction + nextLong(random, maxAuction - minAuction + 1 + AUCTION_ID_LEAD);
}
