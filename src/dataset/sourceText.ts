/** Quotes are compared with their source after this and nothing else: only whitespace may differ. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The quotable part of a source file: its text without the header (a date marker, say). */
export function quotableText(fileText: string, header: string): string | undefined {
  if (!fileText.startsWith(header)) return undefined;
  return normaliseWhitespace(fileText.slice(header.length));
}
