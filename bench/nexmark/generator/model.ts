/** Nexmark's three event kinds, as the generator produces them (times in epoch ms). */
export interface Person {
  readonly id: number;
  readonly name: string;
  readonly emailAddress: string;
  readonly creditCard: string;
  readonly city: string;
  readonly state: string;
  readonly dateTime: number;
  readonly extra: string;
}

export interface Auction {
  readonly id: number;
  readonly itemName: string;
  readonly description: string;
  readonly initialBid: number;
  readonly reserve: number;
  readonly dateTime: number;
  readonly expires: number;
  readonly seller: number;
  readonly category: number;
  readonly extra: string;
}

export interface Bid {
  readonly auction: number;
  readonly bidder: number;
  readonly price: number;
  readonly channel: string;
  readonly url: string;
  readonly dateTime: number;
  readonly extra: string;
}

export type NexmarkEvent =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'auction'; readonly auction: Auction }
  | { readonly kind: 'bid'; readonly bid: Bid };

export type EventKind = NexmarkEvent['kind'];
