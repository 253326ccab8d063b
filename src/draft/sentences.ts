/** A stretch of the article: its text exactly as it stands, and where it stands. */
export interface Span {
  readonly text: string;
  /** Offsets in the text the span was cut from: `whole.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
}

// "M. Traoré", "Mr. Diallo", "St. Louis", "1. ": a full stop that does not end a sentence.
const ABBREVIATION =
  /(?:^|[\s("'«])(?:M|Mr|Mrs|Ms|Mme|Mlle|Dr|St|Ste|Gen|Gén|Col|Lt|Capt|Sgt|Prof|Jr|dhr|mevr|bv|nr|o\.a|i\.e|e\.g|etc|vs)\.$/i;

/**
 * Cuts a text into sentences: a line break between paragraphs ends one, and so does `.`, `!` or `?` (with any
 * closing quote or bracket after it) followed by a space and a capital, a digit or an opening quote. Each sentence is
 * a slice of the text, so a quote made of it is verbatim by construction.
 */
export function splitSentences(whole: string, from = 0, to = whole.length): Span[] {
  const spans: Span[] = [];
  let start = from;
  const push = (end: number) => {
    const raw = whole.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') spans.push({ text, start: start + lead, end: start + lead + text.length });
    start = end;
  };
  const boundary = /([.!?…]+["'»”’)\]]*)(?=\s+["'«“‘(]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*[\p{Lu}"'«“])/gu;
  boundary.lastIndex = from;
  for (let match = boundary.exec(whole); match && match.index < to; match = boundary.exec(whole)) {
    const end = match.index + (match[1]?.length ?? match[0].length);
    if (match[1] && ABBREVIATION.test(whole.slice(Math.max(start, match.index - 8), match.index + 1))) continue;
    push(end);
  }
  push(to);
  return spans;
}

// Two people said two things in one sentence: "a spokesman did not answer, but two sources said ...".
// "but" joins two sayings and belongs to neither; "although" opens the second one and stays in it.
const CLAUSE_BREAK =
  /,\s+(?:(?:maar|but|mais|en|and|et)\s+)?(?=(?:terwijl|hoewel|while|although|whereas|alors que|tandis que|bien que)\s)|,\s+(?:maar|but|mais)\s+|;\s+/giu;

/** Cuts a sentence at the commas before "but", "although", "maar", "hoewel", "mais", "bien que"…, and at semicolons. */
export function splitClauses(sentence: Span): Span[] {
  const spans: Span[] = [];
  let cut = 0;
  for (const match of sentence.text.matchAll(CLAUSE_BREAK)) {
    const end = (match.index ?? 0) + (match[0].startsWith(';') ? 1 : 0);
    spans.push(sub(sentence, cut, end));
    cut = (match.index ?? 0) + match[0].length;
  }
  spans.push(sub(sentence, cut, sentence.text.length));
  return spans.filter((span) => span.text !== '');
}

function sub(span: Span, from: number, to: number): Span {
  const raw = span.text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: span.start + from + lead, end: span.start + from + lead + text.length };
}
