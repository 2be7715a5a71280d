import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken, ROLES } from '../api/auth.js';
import type { Role } from '../store/schema.js';
import { fail, storeFromOption } from './common.js';

const USAGE = 'usage: pledgewatch token create --role viewer|reviewer|admin [--name NAME] | token list [--json] | token revoke ID';

export async function runTokenCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } } });
  } catch (err) {
    return fail('token', (err as Error).message);
  }
  const { values, positionals } = parsed;
  const [action, id] = positionals;
  if (action === 'create' && (!values.role || !(ROLES as readonly string[]).includes(values.role))) return fail('token', '--role must be viewer, reviewer or admin');
  if (action === 'revoke' && !id) return fail('token', 'name the token to revoke by its id (see `pledgewatch token list`)');
  if (!['create', 'list', 'revoke'].includes(action ?? '')) return fail('token', USAGE);
  const store = await storeFromOption(values.db, 'token');
  if (!store) return 1;
  try {
    if (action === 'create') {
      const token = await createToken(store.db, values.name ?? values.role!, values.role as Role);
      process.stdout.write(`${token}\n`);
      process.stderr.write('pledgewatch token: store this token now; only its hash is kept\n');
      return 0;
    }
    if (action === 'revoke') {
      if (!(await revokeToken(store.db, id))) return fail('token', `no unrevoked token with id ${id} (see \`pledgewatch token list\`)`, 1);
      process.stdout.write(`revoked ${id}; a running server stops accepting it within 5 seconds\n`);
      return 0;
    }
    const tokens = await listTokens(store.db);
    if (values.json) process.stdout.write(`${JSON.stringify(tokens)}\n`);
    else if (tokens.length === 0) process.stdout.write('no tokens: the server is open on loopback only\n');
    else for (const t of tokens) process.stdout.write(`${t.id}  ${t.role.padEnd(8)}  ${t.name}  created ${t.createdAt.slice(0, 10)}${t.revokedAt ? `  revoked ${t.revokedAt.slice(0, 10)}` : ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
