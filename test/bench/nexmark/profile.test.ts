import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from '../../../bench/nexmark/profile.js';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url }, children });

describe('profile summary', () => {
  it('charges Node-internal time to the nearest frame of our code, and keeps GC and idle apart', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', '', [2, 5, 6]),
        frame(2, 'decode', 'file:///x/dist/src/exec/source/row-decoder.js', [3]),
        frame(3, 'readMembers', 'file:///x/dist/src/serde/json-reader.js', [4]),
        frame(4, 'decodeUTF8', ''),
        frame(5, '(garbage collector)', ''),
        frame(6, 'put', 'file:///x/node_modules/lmdb/write.js'),
      ],
      samples: [4, 4, 3, 5, 6, 1],
      timeDeltas: [1000, 1000, 1000, 2000, 3000, 500],
    };
    const { total_ms, categories } = summarizeProfile(profile);
    expect(total_ms).toBe(8.5);
    expect(Object.fromEntries(categories)).toEqual({
      'decode (serde readers, row decoder)': 3,
      'garbage collection': 2,
      'store (record codec, CRC, LMDB)': 3,
      'other (Node, V8)': 0.5,
    });
  });
});
