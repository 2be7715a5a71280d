// Access: open on loopback when no token exists (one analyst on a laptop); otherwise every
// request carries a bearer token whose role allows the route. Tokens are stored hashed.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../store/schema.js';

export const ROLES: readonly Role[] = ['viewer', 'reviewer', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, reviewer: 1, admin: 2 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createToken(db: Kysely<Database>, name: string, role: Role, now = new Date()): Promise<string> {
  const token = `pw_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('api_tokens').values({ hash: hashToken(token), name, role, created_at: now.toISOString() }).execute();
  return token;
}

export async function tokenCount(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom('api_tokens').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

export async function roleOfToken(db: Kysely<Database>, token: string): Promise<Role | undefined> {
  return (await db.selectFrom('api_tokens').select('role').where('hash', '=', hashToken(token)).executeTakeFirst())?.role;
}

export const allows = (role: Role, needed: Role) => RANK[role] >= RANK[needed];
