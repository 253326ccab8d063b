import { randomUUID } from 'node:crypto';
import { type CommandContext, type Reply, replyOf } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import type { Answer } from '../answers/answer.js';
import { LOCALES, type Locale } from '../render/locale.js';
import { renderCrash } from '../render/renderAdmin.js';
import { renderAnswer } from '../render/renderAnswer.js';
import { helpText, parseLine } from './parseLine.js';

export type LineOutcome =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'text'; text: string }
  | { kind: 'quit' }
  /** `/locale fr`: the answers from now on are in that language. */
  | { kind: 'locale'; locale: Locale }
  /** A command threw: a bug, not the question. The reply gives the user the reference the log has. */
  | { kind: 'crash'; reply: Reply; reference: string };

/** One typed line in, one answer out: the console's whole transport. Never throws. */
export async function answerLine(line: string, context: CommandContext): Promise<LineOutcome> {
  const parsed = parseLine(line, commands);
  switch (parsed.kind) {
    case 'quit':
      return { kind: 'quit' };
    case 'help':
      return { kind: 'text', text: helpText(commands) };
    case 'locale':
      return parsed.locale
        ? { kind: 'locale', locale: parsed.locale }
        : { kind: 'text', text: `Languages: ${LOCALES.join(', ')}. For example /locale fr` };
    case 'empty':
    case 'unknown': {
      const answer: Answer = {
        kind: 'error',
        code: parsed.kind === 'empty' ? 'empty_query' : 'unknown_command',
        input: line,
      };
      return { kind: 'reply', reply: replyOf(answer, renderAnswer(answer, context.locale)) };
    }
    case 'command':
      try {
        return { kind: 'reply', reply: await parsed.command.run(context, parsed.input) };
      } catch (error) {
        const reference = randomUUID().slice(0, 8);
        context.logger.error({ err: error, reference, line }, 'command failed');
        return {
          kind: 'crash',
          reply: { payload: renderCrash(reference, context.locale), kind: 'error', incidents: [] },
          reference,
        };
      }
  }
}
