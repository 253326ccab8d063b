import { attachPictures } from '../src/pictures/attachPictures.js';
import { picturesFor } from '../src/pictures/pictures.js';
import type { MessagePayload } from '../src/render/payload.js';
import type { CommandContext, Reply } from './command.js';

/**
 * A reply with its answer's pictures (a map, a timeline). Pictures never stand in the way of an answer: if drawing
 * fails, the failure is logged and the answer goes without them.
 */
export async function withPictures(reply: Reply, context: CommandContext): Promise<Reply> {
  if (!reply.answer) return reply;
  return { ...reply, payload: await payloadWithPictures(reply.payload, reply.answer, context) };
}

export async function payloadWithPictures(
  payload: MessagePayload,
  answer: NonNullable<Reply['answer']>,
  context: CommandContext,
): Promise<MessagePayload> {
  try {
    const files = await picturesFor(answer, context.store.current().dataset.version, context.locale);
    return attachPictures(payload, files);
  } catch (error) {
    context.logger.warn({ err: error }, 'pictures failed: the answer goes without them');
    return payload;
  }
}
