/** Decoders and serdes are compiled once per source definition, not once per (pull) query. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { createRowDecoder, sourceSerdes } from '../../../src/exec/source/row-decoder.js';
import { tempDir } from '../../helpers/cli.js';

describe('row decoders per source definition', () => {
  let engine: Engine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('are shared by queries over one definition, and a changed definition gets its own', async () => {
    engine = await Engine.open({ dataDir: join(tempDir(), 'data') });
    for await (const e of engine.createSession().execute("CREATE STREAM s (id STRING KEY, n INT) WITH (kafka_topic='s', partitions=1, value_format='JSON');")) {
      expect(e.type).not.toBe('error');
    }
    const source = engine.catalog.getSource('S')!;
    expect(createRowDecoder(source)).toBe(createRowDecoder(source));
    expect(sourceSerdes(source)).toBe(sourceSerdes(source));

    const delimited = { ...source, valueFormat: 'DELIMITED' };
    expect(createRowDecoder(delimited)).not.toBe(createRowDecoder(source));
    const record = (value: string) => ({ partition: 0, offset: 0, timestamp: 5, key: new TextEncoder().encode('k'), value: new TextEncoder().encode(value), headers: [] });
    const errors: unknown[] = [];
    const onError = (e: unknown): void => void errors.push(e);
    // The shared decoders still read each definition's own format.
    expect(createRowDecoder(delimited).decode([record('7')], onError)[0]!.slice(0, 2)).toEqual(['k', 7]);
    expect(createRowDecoder(source).decode([record('{"N":7}')], onError)[0]!.slice(0, 2)).toEqual(['k', 7]);
    expect(errors).toEqual([]);
  });
});
