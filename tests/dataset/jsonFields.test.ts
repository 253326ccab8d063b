import { describe, expect, it } from 'vitest';
import { JsonObjectSplitter } from '../../src/dataset/jsonFields.js';

const splitter = new JsonObjectSplitter(['id', 'place', 'notes']);

function split(text: string): (string | undefined)[] | false {
  const values: (string | undefined)[] = ['stale', 'stale', 'stale'];
  return splitter.split(text, values) && values;
}

describe('JsonObjectSplitter', () => {
  it("GIVEN an object THEN each value comes back as written, at its key's place, absent keys undefined", () => {
    expect(split('{"id":"a-1","place":{"name":"Djibo","aliases":["Jibo"]}}')).toEqual([
      '"a-1"',
      '{"name":"Djibo","aliases":["Jibo"]}',
      undefined,
    ]);
    expect(split(' {\t"notes" : null ,\r\n "id":"b" }\r')).toEqual(['"b"', undefined, 'null']);
    expect(split('{}')).toEqual([undefined, undefined, undefined]);
  });

  it('GIVEN lines that list their keys in orders that change THEN each key still finds its place', () => {
    const lines = [
      '{"id":"a","notes":"n"}',
      '{"id":"b","notes":"m"}',
      '{"notes":"o","id":"c"}',
      '{"id":"d","place":1}',
    ];
    expect(lines.map(split)).toEqual([
      ['"a"', undefined, '"n"'],
      ['"b"', undefined, '"m"'],
      ['"c"', undefined, '"o"'],
      ['"d"', '1', undefined],
    ]);
    expect(split('{"id":"e","notesx":"n"}')).toBe(false);
  });

  it('GIVEN brackets, quotes and escapes inside strings THEN a value ends where JSON says it does', () => {
    expect(split('{"place":{"name":"a } ] \\" {"},"notes":"x\\\\","id":"c"}')).toEqual([
      '"c"',
      '{"name":"a } ] \\" {"}',
      '"x\\\\"',
    ]);
    expect(split('{"place":[[1,2],{"a":[]}],"id":-12.5e3}')).toEqual(['-12.5e3', '[[1,2],{"a":[]}]', undefined]);
  });

  it('GIVEN what the cut cannot vouch for THEN it declines, for whole-record parsing to judge', () => {
    for (const text of [
      '{"id":"a","other":1}', // a key the schema does not know
      '{"id":"a","id":"b"}', // a key given twice: JSON.parse keeps the last
      '{"i\\u0064":"a"}', // an escaped key
      '["id","a"]',
      '{"id":"a"} x',
      '{"id":"a" "notes":"b"}',
      '{"id":"a",}',
      '{"id":}',
      '{"id":"a',
      '{"place":{"name":"a"}',
      '',
    ]) {
      expect(split(text), text).toBe(false);
    }
  });
});
