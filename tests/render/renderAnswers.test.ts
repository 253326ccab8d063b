import { EmbedBuilder, embedLength } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerAttack } from '../../src/answers/attackAnswer.js';
import { answerToll } from '../../src/answers/tollAnswer.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import { EmbedLimits } from '../../src/render/embed.js';
import type { Locale } from '../../src/render/locale.js';
import type { MessagePayload } from '../../src/render/payload.js';
import { renderAnswer } from '../../src/render/renderAnswer.js';
import { buildSearchIndex, type SearchIndex } from '../../src/search/searchIndex.js';
import { everyAnswer } from '../helpers/answers.js';
import { datasetInMemory } from '../helpers/datasetInMemory.js';
import { fixtureDatasetJson, loadFixtureDataset } from '../helpers/datasets.js';
import { articleBody, quotesIn } from '../helpers/quotes.js';

let dataset: Dataset;
let index: SearchIndex;
beforeAll(async () => {
  dataset = await loadFixtureDataset();
  index = await buildSearchIndex(dataset);
});

function expectWithinLimits(message: MessagePayload): void {
  expect(message.allowedMentions).toEqual({ parse: [] });
  for (const embed of message.embeds) {
    expect(() => new EmbedBuilder(embed).setTitle(embed.title ?? 'x')).not.toThrow();
    expect(embedLength(embed)).toBeLessThanOrEqual(EmbedLimits.total);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EmbedLimits.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EmbedLimits.description);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EmbedLimits.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(EmbedLimits.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(EmbedLimits.fieldValue);
    }
  }
}

describe.each<Locale>(['en', 'nl', 'fr'])('rendering in %s', (locale) => {
  it('GIVEN every answer THEN every quote shown is verbatim source text', async () => {
    const body = articleBody();
    let quotes = 0;
    for (const answer of await everyAnswer(dataset, index)) {
      for (const quote of quotesIn(renderAnswer(answer, locale))) {
        expect(body).toContain(quote.text);
        quotes += 1;
      }
    }
    expect(quotes).toBeGreaterThan(20);
  });

  it('GIVEN every answer THEN each payload is within Discord’s limits and pings no one', async () => {
    for (const answer of await everyAnswer(dataset, index)) expectWithinLimits(renderAnswer(answer, locale));
  });
});

describe('the incident embed', () => {
  const render = (query: string, locale: Locale = 'en') => {
    const [embed] = renderAnswer(answerAttack(dataset, index, query), locale).embeds;
    if (!embed) throw new Error('no embed');
    return { embed, text: JSON.stringify(embed) };
  };

  it('GIVEN Boulkessi THEN place, date with its inference, target, claim, marked figure, quote, translation, footer', () => {
    const { embed, text } = render('Boulkessi');
    expect(embed.title).toBe('Attack on military base: Boulkessi, Mali');
    expect(embed.description).toContain('Sunday, 1 June 2025 (inferred, not stated; day)');
    expect(embed.description).toContain('afgelopen zondag');
    expect(embed.description).toContain('JNIM, claimed responsibility');
    expect(embed.fields?.[0]).toMatchObject({ name: 'more than 30 soldiers killed' });
    expect(embed.fields?.[0]?.value).toContain('⚠️ unconfirmed: two security sources');
    expect(text).toContain('*translation (en):*');
    expect(embed.footer?.text).toMatch(/^Source: .*\(publisher unknown, June 2025, nl\) · ml-boulkessi-2025-06-01$/);
    expect(embed.color).toBe(0xf9a825);
  });

  it('GIVEN Dioura THEN the figure is marked as the group’s claim', () => {
    expect(render('Dioura').embed.fields?.[0]?.value).toContain('📣 claimed by JNIM, not independently confirmed');
  });

  it('GIVEN Sirakorola THEN the contradicting accounts are marked disputed and there is no figure', () => {
    const { embed } = render('Sirakorola');
    expect(embed.description).toContain('⚖️ disputed');
    expect(embed.fields?.[0]?.value).toBe('No casualty figure in the sources for this attack.');
    expect(embed.color).toBe(0x8e24aa);
  });

  it('GIVEN a Dutch user THEN Dutch labels around the same verbatim Dutch quote, and no translation of it', () => {
    const { embed, text } = render('Boulkessi', 'nl');
    expect(embed.title).toBe('Aanval op militaire basis: Boulkessi, Mali');
    expect(embed.fields?.[0]?.value).toContain('⚠️ onbevestigd: twee veiligheidsbronnen');
    expect(embed.fields?.[0]?.value).toContain(
      '> twee veiligheidsbronnen meldden dat meer dan 30 soldaten waren omgekomen.',
    );
    expect(text).not.toContain('vertaling');
    expect(text).not.toContain('security sources');
  });

  it("GIVEN a French user THEN French labels, the Dutch quote verbatim, and the editors' French translation marked as such", () => {
    const { embed, text } = render('Boulkessi', 'fr');
    expect(embed.title).toBe('Attaque contre base militaire : Boulkessi, Mali');
    expect(embed.fields?.[0]?.value).toContain('⚠️ non confirmé : deux sources sécuritaires');
    expect(embed.fields?.[0]?.value).toContain(
      '> twee veiligheidsbronnen meldden dat meer dan 30 soldaten waren omgekomen.',
    );
    expect(embed.fields?.[0]?.value).toContain('*traduction (fr) :*');
    expect(text).not.toContain('unconfirmed');
  });

  it("GIVEN editors' words with no French variant THEN a French reader gets the English, marked as English", async () => {
    const data = fixtureDatasetJson();
    const boulkessi = data.incidents.find((incident) => incident.id === 'ml-boulkessi-2025-06-01');
    if (!boulkessi) throw new Error('the fixture has no Boulkessi');
    boulkessi.notes = 'Only in English.';
    const changed = await datasetInMemory(data, 'notes');
    const answer = answerAttack(changed, await buildSearchIndex(changed), 'Boulkessi');
    expect(JSON.stringify(renderAnswer(answer, 'fr').embeds)).toContain('Only in English. (en anglais)');
    expect(JSON.stringify(renderAnswer(answer, 'en').embeds)).not.toContain('(en anglais)');
  });
});

describe('the toll embed', () => {
  it('GIVEN Mali THEN the independent figure and the claim are stated apart, never summed', async () => {
    const [embed] = renderAnswer(await answerToll(dataset, index, 'Mali'), 'en').embeds;
    expect(embed?.description).toContain(
      'more than 30 at Boulkessi (1 June 2025, inferred date) · ⚠️ unconfirmed: two security sources',
    );
    expect(embed?.description).toContain('JNIM claims 40 more, at Dioura (24 May 2025, date of the claim)');
    expect(embed?.description).not.toMatch(/70/);
    expect(embed?.description).not.toContain('(s)');
    expect(embed?.fields?.map((field) => field.name)).toEqual([
      'more than 30 soldiers killed at Boulkessi (1 June 2025, inferred date)',
      '40 soldiers killed at Dioura (24 May 2025, date of the claim)',
      'Attacks with no figure at all',
      '🔇 No casualty figures given (the Malian army) at Boulkessi (1 June 2025, inferred date)',
      '🔇 Declined to give casualty figures (a Malian army spokesperson) at Boulkessi (1 June 2025, inferred date)',
      '🗣️ "Many dead", no number (a municipal source in Mondoro, near the base) at Boulkessi (1 June 2025, inferred date)',
      '🔇 No casualty figures given (neither JNIM nor the army) at Sirakorola (30 May 2025, inferred date)',
    ]);
  });

  it('GIVEN a country with no reported attack THEN "No data", never "0"', async () => {
    const data = fixtureDatasetJson();
    data.countries.push({ code: 'TD', names: { en: 'Chad', nl: 'Tsjaad', fr: 'Tchad' } });
    const withChad = await datasetInMemory(data, 'fixture');
    const [embed] = renderAnswer(await answerToll(withChad, await buildSearchIndex(withChad), 'Chad'), 'en').embeds;
    expect(embed?.description).toContain('No data in the sources');
    expect(embed?.description).not.toMatch(/\b0\b/);
  });
});

describe('a country with more figures and statements than an embed holds', () => {
  it('GIVEN 60 more figures and 30 more statements THEN the fields that fit and a last one counting every item left out', async () => {
    const data = fixtureDatasetJson();
    const boulkessi = data.figures.find((figure) => figure.id === 'fig-boulkessi-soldiers-killed-security-sources');
    const statement = data.statements.find((s) => s.scope.kind === 'incidents');
    if (!boulkessi || !statement) throw new Error('fixture: expected the Boulkessi figure and an incident statement');
    data.figures.push(...Array.from({ length: 60 }, (_, i) => ({ ...boulkessi, id: `many-${i}` })));
    const scope = boulkessi.scope as typeof statement.scope;
    data.statements.push(...Array.from({ length: 30 }, (_, i) => ({ ...statement, id: `many-st-${i}`, scope })));
    const many = await datasetInMemory(data, 'many');
    const answer = await answerToll(many, await buildSearchIndex(many), 'Mali');
    if (answer.kind !== 'toll') throw new Error(`expected a toll, got ${answer.kind}`);
    const items =
      answer.toll.figures.total +
      answer.toll.statements.total +
      (answer.toll.incidentsWithoutFigures.total > 0 ? 1 : 0);
    expect(items).toBeGreaterThan(90);

    const message = renderAnswer(answer, 'en');
    expectWithinLimits(message);
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(1);
    expect(fields.length).toBeLessThanOrEqual(EmbedLimits.fields);
    expect(fields.at(-1)?.value).toBe(`${items - (fields.length - 1)} more items did not fit in one message.`);
  });
});

describe('a country with more attacks than a toll lists', () => {
  it('GIVEN 200 more attacks without a figure THEN the names the toll kept and how many more, never a silent cut', async () => {
    const data = fixtureDatasetJson();
    const sirakorola = data.incidents.find((incident) => incident.id === 'ml-sirakorola-2025-05-30');
    if (!sirakorola) throw new Error('fixture: expected Sirakorola');
    data.incidents.push(...Array.from({ length: 200 }, (_, i) => ({ ...sirakorola, id: `many-${i}` })));
    const many = datasetInMemory(data, 'many');
    const answer = answerToll(many, await buildSearchIndex(many), 'Mali');
    if (answer.kind !== 'toll') throw new Error(`expected a toll, got ${answer.kind}`);
    const { first, total } = answer.toll.incidentsWithoutFigures;
    expect(total).toBe(201);
    const field = renderAnswer(answer, 'en').embeds[0]?.fields?.find((f) => f.name === 'Attacks with no figure at all');
    expect(field?.value).toMatch(new RegExp(`^Sirakorola, .* and ${total - first.length} more attacks$`));
  });
});

describe('user text', () => {
  it('GIVEN markdown and @everyone in a query THEN echoed escaped, and no reply may mention anyone', () => {
    const message = renderAnswer(answerAttack(dataset, index, '@everyone **x**'), 'en');
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.embeds[0]?.description).toContain('@\u200beveryone \\*\\*x\\*\\*');
  });

  it('GIVEN an error THEN it is shown to the asker alone', () => {
    expect(renderAnswer(answerAttack(dataset, index, ''), 'en').flags).toBe(64);
  });
});

describe('a dataset with very long texts', () => {
  it('GIVEN quotes, labels and notes far beyond the limits THEN every payload fits, shortened quotes say so and stay verbatim', async () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(120);
    const data = fixtureDatasetJson();
    for (const incident of data.incidents) {
      incident.notes = long;
      incident.place.adminArea = long.slice(0, 900);
      for (const outcome of incident.outcomes)
        outcome.quote = { ...outcome.quote, text: long, translations: { en: long } };
    }
    for (const figure of data.figures) {
      figure.saidBy.label = long.slice(0, 600);
      figure.quotes = [{ sourceId: 'long', text: long, translations: { en: long } }];
    }
    data.statements = [
      ...data.statements,
      ...data.statements,
      ...data.statements,
      ...data.statements,
      ...data.statements,
    ].map((statement, i) => ({ ...statement, id: `st-${i}`, quote: { ...statement.quote, text: long } }));
    const longData = await datasetInMemory(data, 'long');
    const longIndex = await buildSearchIndex(longData);
    let shortened = 0;
    for (const answer of await everyAnswer(longData, longIndex)) {
      const message = renderAnswer(answer, 'en');
      expectWithinLimits(message);
      for (const quote of quotesIn(message)) {
        if (!quote.shortened) continue;
        shortened += 1;
        expect(long).toContain(quote.text.replace(/…$/, ''));
      }
    }
    expect(shortened).toBeGreaterThan(5);
  });
});
