const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(char: number): boolean {
  return char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;
}

function skipWhitespace(text: string, at: number): number {
  let index = at;
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** Where the string that opens at `at` ends (past its closing quote), or -1. */
function endOfString(text: string, at: number): number {
  for (let index = at + 1; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === BACKSLASH) index++;
    else if (char === QUOTE) return index + 1;
  }
  return -1;
}

/** Where the value that starts at `at` ends: brackets matched and strings skipped, nothing else checked. */
function endOfValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return endOfString(text, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let index = at;
    while (index < text.length) {
      const char = text.charCodeAt(index);
      if (char === COMMA || char === CLOSE_BRACE || isWhitespace(char)) break;
      index++;
    }
    return index;
  }
  let depth = 0;
  for (let index = at; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      index = endOfString(text, index) - 1;
      if (index < 0) return -1;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) depth++;
    else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * Cuts JSON objects' texts into the text of each of their values, by the place of their key in `keys`, without
 * parsing them: records repeat the same values, and a value's text seen before needs no parsing again.
 * Only an object's own punctuation is checked: values come back as they are written, valid JSON or not.
 */
export class JsonObjectSplitter {
  private readonly places: ReadonlyMap<string, number>;
  /**
   * For the key at each place, the place of the key that came after it last time (-1: none yet); at
   * `keys.length`, the place of the first key. Lines of a file list their keys in the same order: a key is compared
   * where it stands with the one expected, and cut out and looked up by name only when it differs.
   */
  private readonly following: Int32Array;

  /** @param keys plain names (no quotes, no backslashes), as a schema has them */
  constructor(private readonly keys: readonly string[]) {
    this.places = new Map(keys.map((key, place) => [key, place]));
    this.following = new Int32Array(keys.length + 1).fill(-1);
  }

  /**
   * @param values filled at the place of each key found, left undefined for the others
   * @returns false when the text is not an object whose keys are all in `keys`, plain (no escapes) and given once
   */
  split(text: string, values: (string | undefined)[]): boolean {
    values.fill(undefined);
    let index = skipWhitespace(text, 0);
    if (text.charCodeAt(index) !== OPEN_BRACE) return false;
    index = skipWhitespace(text, index + 1);
    if (text.charCodeAt(index) === CLOSE_BRACE) return skipWhitespace(text, index + 1) === text.length;
    let previous = this.keys.length;
    for (;;) {
      if (text.charCodeAt(index) !== QUOTE) return false;
      const expected = this.following[previous] as number;
      const expectedKey = this.keys[expected];
      let place: number | undefined;
      let keyEnd: number;
      if (
        expectedKey !== undefined &&
        text.startsWith(expectedKey, index + 1) &&
        text.charCodeAt(index + 1 + expectedKey.length) === QUOTE
      ) {
        place = expected;
        keyEnd = index + expectedKey.length + 2;
      } else {
        keyEnd = endOfString(text, index);
        if (keyEnd === -1) return false;
        const key = text.slice(index + 1, keyEnd - 1);
        place = key.includes('\\') ? undefined : this.places.get(key);
        if (place === undefined) return false;
        this.following[previous] = place;
      }
      if (values[place] !== undefined) return false;
      previous = place;
      index = skipWhitespace(text, keyEnd);
      if (text.charCodeAt(index) !== COLON) return false;
      const valueStart = skipWhitespace(text, index + 1);
      const valueEnd = endOfValue(text, valueStart);
      if (valueEnd === -1 || valueEnd === valueStart) return false;
      values[place] = text.slice(valueStart, valueEnd);
      index = skipWhitespace(text, valueEnd);
      const next = text.charCodeAt(index);
      if (next === CLOSE_BRACE) return skipWhitespace(text, index + 1) === text.length;
      if (next !== COMMA) return false;
      index = skipWhitespace(text, index + 1);
    }
  }
}
