/** The Nexmark generator (bench/nexmark): determinism, proportions, id spaces, hot keys, event time. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type NexmarkConfig } from '../../../bench/nexmark/generator/config.js';
import { generateEvents } from '../../../bench/nexmark/generator/generator.js';
import type { Auction, Bid, NexmarkEvent, Person } from '../../../bench/nexmark/generator/model.js';
import { seededRandom } from '../../../bench/nexmark/generator/random.js';
import { flinkLine, flinkTimestamp } from '../../../bench/nexmark/load.js';

const config = (numEvents: number, seed = 7): NexmarkConfig => ({ ...DEFAULT_CONFIG, numEvents, seed });
const events = (c: NexmarkConfig): NexmarkEvent[] => [...generateEvents(c)];

function split(es: readonly NexmarkEvent[]): { people: Person[]; auctions: Auction[]; bids: Bid[] } {
  const people: Person[] = [];
  const auctions: Auction[] = [];
  const bids: Bid[] = [];
  for (const e of es) {
    if (e.kind === 'person') people.push(e.person);
    else if (e.kind === 'auction') auctions.push(e.auction);
    else bids.push(e.bid);
  }
  return { people, auctions, bids };
}

const N = 20_000;
const all = events(config(N));
const { people, auctions, bids } = split(all);

describe('nexmark generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(events(config(2_000))).toEqual(all.slice(0, 2_000));
    expect(events(config(2_000, 8))).not.toEqual(all.slice(0, 2_000));
  });

  it('makes people, auctions and bids in proportion 1:3:46, in that order within each 50 events', () => {
    expect([people.length, auctions.length, bids.length]).toEqual([N / 50, (3 * N) / 50, (46 * N) / 50]);
    expect(all.slice(0, 5).map((e) => e.kind)).toEqual(['person', 'auction', 'auction', 'auction', 'bid']);
    expect(all[50]!.kind).toBe('person');
  });

  it('advances dateTime by the inter-event delay (100 µs at 10,000 events/s)', () => {
    const times = all.map((e) => (e.kind === 'person' ? e.person.dateTime : e.kind === 'auction' ? e.auction.dateTime : e.bid.dateTime));
    expect(times).toEqual(all.map((_, n) => DEFAULT_CONFIG.baseTime + Math.floor(n / 10)));
  });

  it('numbers people and auctions consecutively from 1000', () => {
    expect(people.map((p) => p.id)).toEqual(people.map((_, i) => 1000 + i));
    expect(auctions.map((a) => a.id)).toEqual(auctions.map((_, i) => 1000 + i));
  });

  it('lets bids and auctions reference only existing ids or the next few (the lead)', () => {
    // Violations are collected (one assertion at the end) so the test stays fast.
    const bad: string[] = [];
    let lastPerson = -1;
    let lastAuction = -1;
    for (const e of all) {
      if (e.kind === 'person') lastPerson = e.person.id;
      else if (e.kind === 'auction') {
        const a = e.auction;
        lastAuction = a.id;
        const ok = a.seller >= 1000 && a.seller <= lastPerson + 10 && a.expires > a.dateTime && a.category >= 10 && a.category < 15 && a.reserve >= a.initialBid;
        if (!ok) bad.push(JSON.stringify(a));
      } else {
        const b = e.bid;
        if (!(b.auction >= 1000 && b.auction <= lastAuction + 10 && b.bidder >= 1000 && b.bidder <= lastPerson + 10)) bad.push(JSON.stringify(b));
      }
    }
    expect(bad).toEqual([]);
  });

  it('sends most traffic to hot auctions, sellers and bidders', () => {
    const share = <T>(xs: readonly T[], hot: (x: T) => boolean): number => xs.filter(hot).length / xs.length;
    // Hot auctions are multiples of 100 (1 in 2 bids, plus random hits); hot sellers x00 and hot bidders x01 (3 in 4).
    expect(share(bids, (b) => b.auction % 100 === 0)).toBeGreaterThan(0.48);
    expect(share(bids, (b) => b.auction % 100 === 0)).toBeLessThan(0.56);
    expect(share(auctions, (a) => a.seller % 100 === 0)).toBeGreaterThan(0.72);
    expect(share(bids, (b) => b.bidder % 100 === 1)).toBeGreaterThan(0.72);
    expect(new Set(bids.map((b) => b.auction)).size).toBeGreaterThan(auctions.length / 2);
  });

  it('pads events to the average sizes and draws prices between $1 and $1M', () => {
    const avg = bids.reduce((s, b) => s + 32 + b.extra.length, 0) / bids.length;
    expect(avg).toBeGreaterThan(95);
    expect(avg).toBeLessThan(105);
    expect(bids.filter((b) => b.price < 100 || b.price > 100_000_000)).toEqual([]);
    expect(new Set(people.map((p) => p.state))).toEqual(new Set(['AZ', 'CA', 'ID', 'OR', 'WA', 'WY']));
    expect(people[0]!.creditCard).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  });

  it('writes the Flink events file in the shape of Nexmark’s datagen table', () => {
    expect(flinkTimestamp(Date.UTC(2015, 6, 15, 1, 2, 3, 45))).toBe('2015-07-15 01:02:03.045');
    const line = JSON.parse(flinkLine(all[1]!)) as { event_type: number; auction: Record<string, unknown> };
    expect(line.event_type).toBe(1);
    expect(line.auction['id']).toBe(1000);
    expect(line.auction['dateTime']).toBe('2015-07-15 00:00:00.000');
    expect(line.auction['expires']).toMatch(/^2015-07-15 00:00:\d\d\.\d{3}$/);
  });
});

describe('seeded random', () => {
  it('draws uniformly within bounds', () => {
    const r = seededRandom(3);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[r.nextInt(10)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const doubles = Array.from({ length: 1000 }, () => r.nextDouble());
    expect(doubles.filter((d) => d < 0 || d >= 1)).toEqual([]);
    expect(() => r.nextInt(0)).toThrow(RangeError);
  });
});
