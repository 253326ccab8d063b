import type { Problem } from '../dataset/problems.js';
import type { Draft } from './draftSchema.js';
import { stageMerge } from './stageMerge.js';

/** What would stop a draft from merging into the dataset in `dataDir`: nothing is written. */
export async function checkDraft(draft: Draft, dataDir: string): Promise<Problem[]> {
  const staged = await stageMerge(draft, dataDir);
  return staged.ok ? [] : staged.problems;
}
