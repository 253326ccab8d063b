import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../src/dataset/shardedMap.js';

describe('ShardedMap', () => {
  it('GIVEN many keys THEN each reads back its own value and the size counts distinct keys', () => {
    const map = new ShardedMap<number>();
    for (let i = 0; i < 10_000; i++) map.set(`inc-${i}`, i);
    map.set('inc-42', -1);
    expect(map.size).toBe(10_000);
    expect(map.get('inc-42')).toBe(-1);
    expect(map.get('inc-9999')).toBe(9999);
    expect([map.has('inc-0'), map.has('inc-10000'), map.get('')]).toEqual([true, false, undefined]);
  });
});
