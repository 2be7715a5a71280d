import { parseArgs } from 'node:util';
import { createToken, ROLES } from '../api/auth.js';
import type { Role } from '../store/schema.js';
import { fail, storeFromOption } from './common.js';

export async function runTokenCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { db: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  } catch (err) {
    return fail('token', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== 'create') return fail('token', "usage: pledgewatch token create --role viewer|reviewer|admin [--name NAME]");
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) return fail('token', '--role must be viewer, reviewer or admin');
  const store = await storeFromOption(values.db, 'token');
  if (!store) return 1;
  try {
    const token = await createToken(store.db, values.name ?? values.role, values.role as Role);
    process.stdout.write(`${token}\n`);
    process.stderr.write('pledgewatch token: store this token now; only its hash is kept\n');
    return 0;
  } finally {
    await store.close();
  }
}
