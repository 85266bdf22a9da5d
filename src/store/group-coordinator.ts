/**
 * Consumer-group membership, in process (docs/decisions/0011): members of a group share the
 * partitions of the topics they subscribe to, each partition owned by exactly one live member.
 * Every join, leave or missed session timeout starts a new generation and reassigns (range
 * assignment, as Kafka's RangeAssignor). Offsets are committed through the TopicStore; a commit
 * from an older generation, or for a partition the member does not own, is refused with
 * ILLEGAL_GENERATION so a member that lost a partition cannot overwrite its new owner's progress.
 * Membership is not persisted: after a restart members join again, as with Kafka's coordinator.
 */
import { NODE_TIMERS, type Timers } from './timers.js';
import { TopicStoreError, type TopicStore } from './topic-store.js';

/** Kafka's session.timeout.ms default. */
export const DEFAULT_SESSION_TIMEOUT_MS = 45_000;
/** Members per group at most (a limit on everything). */
export const MAX_GROUP_MEMBERS = 1_000;

/** topic → partitions this member owns, sorted. */
export type Assignment = ReadonlyMap<string, readonly number[]>;

export interface MemberDescription {
  readonly memberId: string;
  readonly topics: readonly string[];
  readonly assignment: Assignment;
}

export interface GroupDescription {
  readonly group: string;
  readonly generation: number;
  readonly members: readonly MemberDescription[];
}

export interface GroupMember {
  readonly group: string;
  readonly memberId: string;
  /** The generation this member's assignment belongs to. */
  generation(): number;
  assignment(): Assignment;
  /** Resets the session timer; UNKNOWN_MEMBER once the member left or timed out. */
  heartbeat(): void;
  /**
   * Commits next-offsets for partitions of `topic` this member owns in `generation` (the one its
   * work was assigned in; default the current one). ILLEGAL_GENERATION when a rebalance happened
   * since, or a partition is not owned.
   */
  commit(topic: string, offsets: ReadonlyMap<number, number>, generation?: number): Promise<void>;
  /** Called after every rebalance that changes this member's generation. */
  onRebalance(listener: (assignment: Assignment, generation: number) => void): () => void;
  leave(): void;
}

export interface GroupCoordinatorOptions {
  readonly timers?: Timers;
  readonly sessionTimeoutMs?: number;
  /** Member ids; default a counter (deterministic). */
  readonly newMemberId?: (group: string) => string;
}

type StoreView = Pick<TopicStore, 'describeTopic' | 'commitOffsets'>;

interface MemberState {
  readonly id: string;
  readonly topics: readonly string[];
  assignment: Map<string, number[]>;
  generation: number;
  timer: unknown;
  readonly listeners: Set<(assignment: Assignment, generation: number) => void>;
}

interface GroupState {
  generation: number;
  readonly members: Map<string, MemberState>;
}

export class GroupCoordinator {
  private readonly groups = new Map<string, GroupState>();
  private readonly timers: Timers;
  private readonly sessionTimeoutMs: number;
  private readonly newMemberId: (group: string) => string;
  private nextId = 1;

  constructor(
    private readonly store: StoreView,
    options: GroupCoordinatorOptions = {},
  ) {
    this.timers = options.timers ?? NODE_TIMERS;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS;
    this.newMemberId = options.newMemberId ?? ((group) => `${group}-member-${this.nextId++}`);
  }

  /** Joins `group` subscribed to `topics`; the group rebalances before this returns. */
  join(group: string, topics: readonly string[]): GroupMember {
    if (topics.length === 0) throw new RangeError('a member must subscribe to at least one topic');
    for (const t of topics) if (this.store.describeTopic(t) === undefined) throw new TopicStoreError('UNKNOWN_TOPIC', `Topic '${t}' does not exist`);
    let state = this.groups.get(group);
    if (!state) this.groups.set(group, (state = { generation: 0, members: new Map() }));
    if (state.members.size >= MAX_GROUP_MEMBERS) {
      throw new TopicStoreError('INVALID_CONFIG', `group '${group}' already has ${MAX_GROUP_MEMBERS} members, the limit`);
    }
    const member: MemberState = {
      id: this.newMemberId(group),
      topics: [...new Set(topics)].sort(),
      assignment: new Map(),
      generation: 0,
      timer: undefined,
      listeners: new Set(),
    };
    state.members.set(member.id, member);
    this.armSession(group, member);
    this.rebalance(group);
    return this.handle(group, member);
  }

  describeGroup(group: string): GroupDescription | undefined {
    const state = this.groups.get(group);
    if (!state) return undefined;
    const members = [...state.members.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((m) => ({ memberId: m.id, topics: m.topics, assignment: copy(m.assignment) }));
    return { group, generation: state.generation, members };
  }

  /** Re-runs the assignment, e.g. after a subscribed topic grew partitions. */
  rebalance(group: string): void {
    const state = this.groups.get(group);
    if (!state) return;
    state.generation++;
    const members = [...state.members.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const m of members) m.assignment = new Map();
    const topics = new Set(members.flatMap((m) => m.topics));
    for (const topic of topics) {
      const partitions = this.store.describeTopic(topic)?.config.partitions ?? 0;
      const owners = members.filter((m) => m.topics.includes(topic));
      // Range assignment: contiguous ranges, the first (partitions % owners) members get one more.
      const base = Math.floor(partitions / owners.length);
      const extra = partitions % owners.length;
      let next = 0;
      owners.forEach((m, i) => {
        const count = base + (i < extra ? 1 : 0);
        if (count > 0) m.assignment.set(topic, Array.from({ length: count }, (_, k) => next + k));
        next += count;
      });
    }
    for (const m of members) m.generation = state.generation;
    for (const m of members) {
      for (const listener of [...m.listeners]) listener(copy(m.assignment), m.generation);
    }
  }

  /** Stops every session timer; members are gone. */
  close(): void {
    for (const state of this.groups.values()) for (const m of state.members.values()) this.timers.clearTimeout(m.timer);
    this.groups.clear();
  }

  private armSession(group: string, member: MemberState): void {
    this.timers.clearTimeout(member.timer);
    member.timer = this.timers.setTimeout(() => this.remove(group, member.id), this.sessionTimeoutMs);
  }

  private remove(group: string, memberId: string): void {
    const state = this.groups.get(group);
    const member = state?.members.get(memberId);
    if (!state || !member) return;
    this.timers.clearTimeout(member.timer);
    state.members.delete(memberId);
    if (state.members.size === 0) this.groups.delete(group);
    else this.rebalance(group);
  }

  private live(group: string, memberId: string): MemberState {
    const member = this.groups.get(group)?.members.get(memberId);
    if (!member) throw new TopicStoreError('UNKNOWN_MEMBER', `member '${memberId}' is not in group '${group}' (it left or missed its session timeout)`);
    return member;
  }

  private handle(group: string, member: MemberState): GroupMember {
    return {
      group,
      memberId: member.id,
      generation: () => member.generation,
      assignment: () => copy(member.assignment),
      heartbeat: () => this.armSession(group, this.live(group, member.id)),
      commit: async (topic, offsets, claimed) => {
        const m = this.live(group, member.id);
        const generation = this.groups.get(group)!.generation;
        const owned = m.assignment.get(topic) ?? [];
        for (const p of offsets.keys()) {
          if ((claimed ?? generation) !== generation || !owned.includes(p)) {
            throw new TopicStoreError(
              'ILLEGAL_GENERATION',
              `member '${m.id}' of group '${group}' does not own partition ${p} of '${topic}' in generation ${generation}`,
            );
          }
        }
        await this.store.commitOffsets(group, topic, offsets);
      },
      onRebalance: (listener) => {
        member.listeners.add(listener);
        return () => void member.listeners.delete(listener);
      },
      leave: () => this.remove(group, member.id),
    };
  }
}

function copy(a: ReadonlyMap<string, readonly number[]>): Assignment {
  return new Map([...a].map(([t, ps]) => [t, [...ps]]));
}
