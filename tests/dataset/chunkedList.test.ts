import { describe, expect, it } from 'vitest';
import { ChunkedList } from '../../src/dataset/chunkedList.js';

describe('ChunkedList', () => {
  it('GIVEN more items than one chunk holds THEN each reads back at its index and joins after the head in order', () => {
    const list = new ChunkedList<number>();
    for (let i = 0; i < 150_000; i++) list.push(i * 2);
    expect([list.at(0), list.at(65_535), list.at(65_536), list.at(149_999), list.at(150_000)]).toEqual([
      0,
      131_070,
      131_072,
      299_998,
      undefined,
    ]);
    const joined = list.appendTo([-2, -1]);
    expect(joined).toHaveLength(150_002);
    expect(joined.slice(0, 3)).toEqual([-2, -1, 0]);
    expect(joined.every((value, index) => index < 2 || value === (index - 2) * 2)).toBe(true);
  });
});
