// Access: open on loopback when no token exists (one analyst on a laptop); otherwise every
// request carries a bearer token whose role allows the route. Tokens are stored hashed.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isLoopbackHost } from '../ingest/address-policy.js';
import type { Database, Role } from '../store/schema.js';

export const ROLES: readonly Role[] = ['viewer', 'reviewer', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, admin: 2 };
/** A token is named by the first characters of its hash: enough to tell tokens apart, useless to sign in with. */
const TOKEN_ID_LENGTH = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export async function createToken(db: Kysely<Database>, name: string, role: Role, now = new Date()): Promise<string> {
  const token = `pw_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('api_tokens').values({ hash: hashToken(token), name, role, created_at: now.toISOString(), revoked_at: null }).execute();
  return token;
}

/** Tokens that still open the API. */
export async function tokenCount(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom('api_tokens').select((eb) => eb.fn.countAll().as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow()).n);
}

export async function roleOfToken(db: Kysely<Database>, token: string): Promise<Role | undefined> {
  return (await db.selectFrom('api_tokens').select('role').where('hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst())?.role;
}

export async function listTokens(db: Kysely<Database>): Promise<TokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.hash.slice(0, TOKEN_ID_LENGTH), name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

/** Revokes the token with this id; false when no unrevoked token has it. */
export async function revokeToken(db: Kysely<Database>, id: string, now = new Date()): Promise<boolean> {
  if (!new RegExp(`^[0-9a-f]{${TOKEN_ID_LENGTH}}$`).test(id)) return false;
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('hash', 'like', `${id}%`)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export const allows = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

/**
 * Why an open-mode request is refused, or null: with no tokens, the server answers only a
 * loopback Host and, when a browser sends one, a loopback Origin, so that a web page whose name
 * was rebound to 127.0.0.1 cannot use the API.
 */
export function openModeRefusal(host: string | undefined, origin: string | undefined): string | null {
  if (!host || !isLoopbackHost(hostOfHeader(host))) return `Host ${host ?? '(none)'} is not a loopback address`;
  if (origin === undefined) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `Origin ${origin} is not a loopback origin`;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHost(url.hostname)) return `Origin ${origin} is not a loopback origin`;
  return null;
}

/** "127.0.0.1:8787" → "127.0.0.1", "[::1]:8787" → "[::1]", "localhost" → "localhost". */
function hostOfHeader(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon >= 0 && host.indexOf(':', colon + 1) < 0 ? host.slice(0, colon) : host;
}

/**
 * Counts failed sign-ins per client in a sliding minute, so that tokens cannot be guessed at
 * speed; a client over the limit is refused until its minute has passed.
 */
export class FailedAuthThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  blocked(client: string, now = Date.now()): boolean {
    return this.recent(client, now).length >= this.limit;
  }

  fail(client: string, now = Date.now()): void {
    const times = this.recent(client, now);
    times.push(now);
    this.failures.set(client, times);
    if (this.failures.size > 10_000) this.prune(now);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [client, times] of this.failures) if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(client);
  }
}
