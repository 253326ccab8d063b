import type { Answer } from '../answers/answer.js';
import type { Locale } from './locale.js';
import { type MessagePayload, payload } from './payload.js';
import { renderIncident } from './renderIncident.js';
import { renderChoose, renderError, renderNotFound } from './renderOther.js';
import { renderCountryToll, renderRegionToll } from './renderToll.js';
import { stringsFor } from './strings.js';

/** Turns any answer into the message the user sees. Errors are shown to the asker alone. */
export function renderAnswer(answer: Answer, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  switch (answer.kind) {
    case 'incident':
      return payload([renderIncident(answer.report, answer.sources, strings, locale)]);
    case 'toll':
      return payload([renderCountryToll(answer.toll, answer.sources, strings, locale)]);
    case 'region':
      return payload([renderRegionToll(answer.toll, answer.sources, strings, locale)]);
    case 'choose':
      return payload([renderChoose(answer, strings, locale)]);
    case 'not_found':
      return payload([renderNotFound(answer, strings)]);
    case 'error':
      return payload([renderError(answer, strings)], { ephemeral: true });
  }
}
