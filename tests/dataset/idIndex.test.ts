import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/dataset/idIndex.js';

describe('IdIndex', () => {
  it('GIVEN many ids, some repeated THEN each finds where it first occurs and the size counts distinct ids', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `inc-${i % 9_000}`);
    const index = await IdIndex.for(ids);
    const firsts = ids.map((_, position) => index.add(position));
    expect(firsts[42]).toBe(42);
    expect(firsts[9_042]).toBe(42);
    expect(index.size).toBe(9_000);
    expect([index.get('inc-8999'), index.get('inc-9000'), index.get(''), index.has('inc-0')]).toEqual([
      8999,
      undefined,
      undefined,
      true,
    ]);
  });

  it('GIVEN no ids THEN nothing is found', async () => {
    expect((await IdIndex.for([])).get('a')).toBeUndefined();
  });
});
