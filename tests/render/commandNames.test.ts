import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { LOCALES, type Locale } from '../../src/render/locale.js';
import { stringsFor } from '../../src/render/strings.js';

/** Commands only the console knows: they have no Discord name to translate. */
const CONSOLE_ONLY = ['help', 'locale', 'quit'];
const SUBCOMMAND = 1;

interface Named {
  name: string;
  type?: number;
  name_localizations?: Partial<Record<string, string | null>> | null;
  options?: Named[];
}

function nameIn(item: Named, locale: Locale): string {
  return (locale === 'en' ? undefined : item.name_localizations?.[locale]) ?? item.name;
}

/** "/attack", "/dataset refresh"… as a reader of `locale` types them. */
function commandLines(locale: Locale): Set<string> {
  const lines = new Set(CONSOLE_ONLY.map((name) => `/${name}`));
  for (const command of commands.values()) {
    const json = command.definition.toJSON() as Named;
    const name = `/${nameIn(json, locale)}`;
    lines.add(name);
    for (const option of json.options ?? []) {
      if (option.type === SUBCOMMAND) lines.add(`${name} ${nameIn(option, locale)}`);
    }
  }
  return lines;
}

function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(allTexts);
  return [];
}

describe('commands named in replies', () => {
  it.each(LOCALES)(
    'GIVEN the %s strings THEN every command they name is the name a reader of that language types',
    (locale) => {
      const known = commandLines(locale);
      const named = allTexts(stringsFor(locale)).flatMap((text) => [
        ...text.matchAll(/`(\/[^`<[]+?)\s*(?:[<[][^`]*)?`/g),
      ]);
      expect(named.length).toBeGreaterThan(5);
      for (const [, command = ''] of named) {
        const [name = '', second] = command.trim().split(/\s+/);
        const hasSubcommands = [...known].some((line) => line.startsWith(`${name} `));
        expect(known, `${locale}: ${command}`).toContain(hasSubcommands ? `${name} ${second}` : name);
      }
    },
  );
});
