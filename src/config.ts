// Configuration is read from the environment once, here; nothing else reads process.env.
export interface Config {
  /** A SQLite file path or a postgres:// URL. */
  readonly databaseUrl: string;
  readonly redisUrl: string | null;
  /** pino's level for the structured logs (LOG_LEVEL): trace, debug, info, warn, error, silent. */
  readonly logLevel: string;
  /**
   * Tests only: the process kills itself (SIGKILL) right after this many statements of opening
   * the store, to show that a first run killed at any moment leaves a database the next run completes.
   */
  readonly killAfterSetupStatement: number | null;
}

export const DEFAULT_DATABASE = './data/pledgewatch.db';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Object.freeze({
    databaseUrl: env.DATABASE_URL?.trim() || DEFAULT_DATABASE,
    redisUrl: env.REDIS_URL?.trim() || null,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    killAfterSetupStatement: env.PLEDGEWATCH_TEST_KILL_AFTER_STATEMENT ? Number(env.PLEDGEWATCH_TEST_KILL_AFTER_STATEMENT) : null,
  });
}

export const config: Config = loadConfig();
