import type { Answer } from '../../src/answers/answer.js';
import { answerAttack } from '../../src/answers/attackAnswer.js';
import { answerToll } from '../../src/answers/tollAnswer.js';
import type { Dataset } from '../../src/dataset/dataset.js';
import type { SearchIndex } from '../../src/search/searchIndex.js';

/** Every answer the bot can give about a dataset: each incident, each country's toll, the region, and some misses. */
export async function everyAnswer(data: Dataset, searchIndex: SearchIndex): Promise<Answer[]> {
  return [
    ...[...data.incidents.ids].map((id) => answerAttack(data, searchIndex, id)),
    ...(await Promise.all(data.countries.map((country) => answerToll(data, searchIndex, country.code)))),
    await answerToll(data, searchIndex, undefined),
    answerAttack(data, searchIndex, 'Mali'),
    answerAttack(data, searchIndex, 'Nigeria'),
    answerAttack(data, searchIndex, '@everyone **x**'),
    answerAttack(data, searchIndex, ''),
  ];
}
