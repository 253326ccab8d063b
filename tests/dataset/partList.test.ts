import { describe, expect, it } from 'vitest';
import { PartList } from '../../src/dataset/partList.js';

describe('PartList', () => {
  it('GIVEN parts, empty ones among them THEN each item reads back at its index, and its part is found', () => {
    const list = new PartList<number>();
    for (const part of [[0, 1, 2], [], [3], Int32Array.from([4, 5]), []]) list.push(part);
    expect(list.length).toBe(6);
    expect(Array.from({ length: 7 }, (_, index) => list.at(index))).toEqual([0, 1, 2, 3, 4, 5, undefined]);
    expect([list.partOf(5), list.partOf(3), list.partOf(0), list.partOf(4)]).toEqual([3, 2, 0, 3]);
    expect([list.startOf(2), list.startOf(3), list.at(-1)]).toEqual([3, 4, undefined]);
    expect([...list]).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
