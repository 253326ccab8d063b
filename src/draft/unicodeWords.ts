/** A word boundary that knows accented letters: JavaScript's `\b` sees "marché" end before its "é". */
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

/** The same pattern with every `\b` a Unicode word boundary (the `u` flag is added). */
export function u(pattern: RegExp): RegExp {
  const flags = pattern.flags.includes('u') ? pattern.flags : `${pattern.flags}u`;
  return new RegExp(pattern.source.replace(/(?<!\\)\\b/g, BOUNDARY), flags);
}
