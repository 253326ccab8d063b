import { z } from 'zod';

/**
 * What shard processes and their manager tell each other about the dataset. A refresh in one shard imports the new
 * index once; the manager asks every other shard to open that file, and tells the first how many now serve it.
 */
export const ShardMessageSchema = z.discriminatedUnion('kind', [
  /** shard → manager, then manager → every other shard: serve this index file. */
  z.object({
    kind: z.literal('sahel:switch'),
    id: z.string(),
    file: z.string(),
    loadedBy: z.string(),
    origin: z.string(),
  }),
  /** shard → manager: whether it serves the file now. */
  z.object({ kind: z.literal('sahel:switched'), id: z.string(), ok: z.boolean() }),
  /** manager → the shard that refreshed. */
  z.object({ kind: z.literal('sahel:switch-done'), id: z.string(), serving: z.number(), total: z.number() }),
]);

export type ShardMessage = z.infer<typeof ShardMessageSchema>;

/** The message, if it is one of ours (discord.js sends its own on the same channel). */
export function shardMessage(message: unknown): ShardMessage | undefined {
  const parsed = ShardMessageSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}
