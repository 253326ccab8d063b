import { describe, expect, it } from 'vitest';
import { ById, positionsById } from '../../src/dataset/positions.js';

describe('records found by id through their positions', () => {
  const records = ['a', 'b', 'a', 'c', 'a'].map((id, n) => ({ id, n }));

  it('GIVEN a repeated id THEN its first record is the one found, and every repeat is reported', async () => {
    const repeats: [number, number, string][] = [];
    const positions = await positionsById(
      records.map((record) => record.id),
      (index, first, id) => repeats.push([index, first, id]),
    );
    expect(repeats).toEqual([
      [2, 0, 'a'],
      [4, 0, 'a'],
    ]);
    const byId = new ById(positions, records);
    expect([byId.get('a')?.n, byId.get('c')?.n, byId.get('z')]).toEqual([0, 3, undefined]);
    expect([byId.has('b'), byId.has('z'), byId.size]).toEqual([true, false, 3]);
  });
});
