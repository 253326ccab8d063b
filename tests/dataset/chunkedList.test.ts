import { describe, expect, it } from 'vitest';
import { ChunkedList } from '../../src/dataset/chunkedList.js';

describe('ChunkedList', () => {
  it('GIVEN more items than one chunk holds THEN each reads back at its index', () => {
    const list = new ChunkedList<number>();
    for (let i = 0; i < 150_000; i++) list.push(i * 2);
    expect([list.at(0), list.at(65_535), list.at(65_536), list.at(149_999), list.at(150_000)]).toEqual([
      0,
      131_070,
      131_072,
      299_998,
      undefined,
    ]);
  });
});
