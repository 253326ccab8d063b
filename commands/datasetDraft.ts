import { checkDraft } from '../src/draft/checkDraft.js';
import type { DraftLanguage } from '../src/draft/dates.js';
import type { Draft } from '../src/draft/draftSchema.js';
import { knownFromDataset } from '../src/draft/knownFromDataset.js';
import { renderDraft, renderDraftFailed } from '../src/render/renderDraft.js';
import { fetchText } from '../src/runtime/fetchText.js';
import type { AttachmentInput, CommandContext, CommandInput, Reply } from './command.js';

const LANGUAGES: readonly string[] = ['en', 'nl', 'fr'];

/**
 * `/dataset draft file:`: drafts records from an attached article against the dataset being served, and checks that
 * they would merge into the data folder. Nothing is written or served: the moderator reviews the attached draft and
 * merges it with `npm run merge`.
 */
export async function draftFromAttachment(context: CommandContext, input: CommandInput): Promise<Reply> {
  const { attachment } = input;
  const failed = (why: 'fetch' | 'input', reason: string): Reply => ({
    payload: renderDraftFailed(why, reason, context.locale),
    kind: 'error',
    incidents: [],
  });
  if (!attachment) return failed('input', 'no file attached');
  const text = await read(context, attachment);
  if (!text.ok) return failed('fetch', text.reason);
  const language = input.options.language;
  const date = input.options.date?.trim();
  // Loaded on first use: the date parser's language tables are large, and a bot that never drafts need not hold them.
  const { DraftInputError, draftArticle } = await import('../src/draft/draftArticle.js');
  let draft: Draft;
  try {
    draft = draftArticle(
      {
        fileText: text.text,
        fileName: attachment.name,
        today: new Date().toISOString().slice(0, 10),
        ...(date ? { date } : {}),
        ...(language && LANGUAGES.includes(language) ? { language: language as DraftLanguage } : {}),
      },
      knownFromDataset(context.store.current().dataset),
    );
  } catch (error) {
    if (error instanceof DraftInputError) return failed('input', error.message);
    throw error;
  }
  let merge: Parameters<typeof renderDraft>[1] = { checked: false };
  try {
    merge = { checked: true, problems: await checkDraft(draft, context.refresh.dataDir) };
  } catch (error) {
    // A read-only or missing data folder: the draft is still worth having.
    context.logger.warn({ err: error }, 'draft not checked against the data folder');
  }
  context.logger.info(
    { article: attachment.name, incidents: draft.incidents.length, figures: draft.figures.length, merges: merge },
    'article drafted',
  );
  return { payload: renderDraft(draft, merge, context.locale), kind: 'info', incidents: [] };
}

async function read(
  context: CommandContext,
  attachment: AttachmentInput,
): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  const { maxBytes, fetchTimeoutMs } = context.refresh;
  if (attachment.size > maxBytes) return { ok: false, reason: `larger than the limit of ${maxBytes} bytes` };
  const fetched = await fetchText(attachment.url, { maxBytes, timeoutMs: fetchTimeoutMs });
  if (!fetched.ok) return fetched;
  if (fetched.text.includes('\uFFFD') || fetched.text.includes('\0')) {
    return { ok: false, reason: 'not a UTF-8 text file' };
  }
  return fetched;
}
