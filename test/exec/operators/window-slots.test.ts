/** The in-memory index of each group's open windows beside a windowed aggregate's state. */
import { describe, expect, it } from 'vitest';
import { slotAt, SWEEP_MIN_GROUPS, WindowSlots } from '../../../src/exec/operators/window-slots.js';

describe('WindowSlots', () => {
  it('drops windows that closed when their group is looked up again', () => {
    const index = new WindowSlots<string>();
    const slots = index.of('a', -Infinity);
    slots.push({ start: 0, end: 10, key: 'a@0', group: 'g0', putInStep: -1 }, { start: 5, end: 15, key: 'a@5', group: 'g5', putInStep: -1 });
    expect(slotAt(index.of('a', 9), 0)?.group).toBe('g0');
    const later = index.of('a', 10);
    expect(slotAt(later, 0)).toBeUndefined();
    expect(slotAt(later, 5)?.key).toBe('a@5');
  });

  it('forgets groups whose windows all closed once it holds many groups', () => {
    const index = new WindowSlots<number>();
    for (let i = 0; i < SWEEP_MIN_GROUPS; i++) index.of(`g${i}`, -Infinity).push({ start: i, end: i + 10, key: `k${i}`, group: i, putInStep: -1 });
    // Everything ended by 100_000: the next new group sweeps the others away.
    index.of('fresh', 100_000);
    const byGroup = (index as unknown as { byGroup: Map<string, unknown> }).byGroup;
    expect([...byGroup.keys()]).toEqual(['fresh']);
  });
});
