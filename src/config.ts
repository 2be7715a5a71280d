// Configuration is read from the environment once, here; nothing else reads process.env.
export interface Config {
  /** A SQLite file path or a postgres:// URL. */
  readonly databaseUrl: string;
  readonly redisUrl: string | null;
}

export const DEFAULT_DATABASE = './data/pledgewatch.db';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze({
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE,
    redisUrl: env.REDIS_URL?.trim() || null,
  });
}

export const config: Config = loadConfig();
