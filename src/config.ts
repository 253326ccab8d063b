import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17 to 20 digits)');
const snowflakeList = z
  .string()
  .default('')
  .transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  )
  .pipe(z.array(snowflake));

export const ConfigSchema = z.object({
  /** Absent: the bot runs as the local console over the dataset. */
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_CLIENT_ID: snowflake.optional(),
  /** Set: commands are registered on this server only (instant, for testing). */
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).default('https://discord.com/api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('data'),
  /** Roles allowed to manage the dataset, besides members with Manage Server, in the admin servers only. */
  MODERATOR_ROLE_IDS: snowflakeList,
  /** The operators' servers: only there may members manage the dataset every server sees. Unset: DISCORD_GUILD_ID. */
  ADMIN_GUILD_IDS: snowflakeList,
  DATASET_URL: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }).optional(),
  /** Largest dataset a refresh accepts from a URL or an attachment. */
  DATASET_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  DATASET_FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Bot processes (discord.js shards) on one read-only index: a number, or `auto` for Discord's recommendation. */
  SHARD_COUNT: z
    .string()
    .regex(/^(auto|[1-9]\d*)$/, 'expected auto or a number of shards (1 or more)')
    .default('1')
    .transform((value): number | 'auto' => (value === 'auto' ? 'auto' : Number(value))),
  /** Set to anything: the console prints no colours (https://no-color.org). */
  NO_COLOR: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

/** The servers whose moderators manage the dataset: ADMIN_GUILD_IDS, else DISCORD_GUILD_ID, else none. */
export function operatorGuildIds(config: Pick<Config, 'ADMIN_GUILD_IDS' | 'DISCORD_GUILD_ID'>): readonly string[] {
  if (config.ADMIN_GUILD_IDS.length > 0) return config.ADMIN_GUILD_IDS;
  return config.DISCORD_GUILD_ID ? [config.DISCORD_GUILD_ID] : [];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (if any) and the environment; the only place that touches `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = loadEnvironment()): Config {
  // An empty `NAME=` line in .env means "not set", as in .env.example.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
  );
}

function loadEnvironment(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
