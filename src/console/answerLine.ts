import { randomUUID } from 'node:crypto';
import type { CommandContext, Reply } from '../../commands/command.js';
import { commands } from '../../commands/index.js';
import { renderCrash } from '../render/renderAdmin.js';
import { renderAnswer } from '../render/renderAnswer.js';
import { helpText, parseLine } from './parseLine.js';

export type LineOutcome = { kind: 'reply'; reply: Reply } | { kind: 'text'; text: string } | { kind: 'quit' };

/** One typed line in, one answer out: the console's whole transport. Never throws. */
export async function answerLine(line: string, context: CommandContext): Promise<LineOutcome> {
  const parsed = parseLine(line, commands);
  switch (parsed.kind) {
    case 'quit':
      return { kind: 'quit' };
    case 'help':
      return { kind: 'text', text: helpText(commands) };
    case 'empty':
    case 'unknown': {
      const answer = {
        kind: 'error',
        code: parsed.kind === 'empty' ? 'empty_query' : 'unknown_command',
        input: line,
      } as const;
      return { kind: 'reply', reply: { payload: renderAnswer(answer, context.locale), kind: 'error', incidents: [] } };
    }
    case 'command':
      try {
        return { kind: 'reply', reply: await parsed.command.run(context, parsed.input) };
      } catch (error) {
        const reference = randomUUID().slice(0, 8);
        context.logger.error({ err: error, reference, line }, 'command failed');
        return {
          kind: 'reply',
          reply: { payload: renderCrash(reference, context.locale), kind: 'error', incidents: [] },
        };
      }
  }
}
