import { parseArgs } from 'node:util';
import { ChangeFilterSchema } from '../watch/changes.js';
import { addSubscription, deliveriesOf, listSubscriptions, removeSubscription, type Subscription } from '../watch/alerts.js';
import { urlRefusal } from '../watch/sources.js';
import { fail, storeFromOption } from './common.js';

const USAGE = 'usage: pledgewatch subscriptions add --webhook URL [--donor X] [--recipient X] [--category C] [--status S] [--min-eur N] [--name NAME] [--secret S] [--allow-private] | subscriptions list [--json] | subscriptions deliveries ID [--json] | subscriptions remove ID';

export async function runSubscriptionsCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: {
        db: { type: 'string' }, webhook: { type: 'string' }, donor: { type: 'string' }, recipient: { type: 'string' }, category: { type: 'string' }, status: { type: 'string' },
        'min-eur': { type: 'string' }, name: { type: 'string' }, secret: { type: 'string' }, 'allow-private': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail('subscriptions', (err as Error).message);
  }
  const { values, positionals } = parsed;
  const [action, id] = positionals;
  if (!['add', 'list', 'remove', 'deliveries'].includes(action ?? '')) return fail('subscriptions', USAGE);
  if ((action === 'remove' || action === 'deliveries') && !/^\d+$/.test(id ?? '')) return fail('subscriptions', 'name the subscription by its id (see `pledgewatch subscriptions list`)');
  let filters;
  if (action === 'add') {
    if (!values.webhook) return fail('subscriptions', '--webhook URL is where alerts are posted');
    const refusal = urlRefusal(values.webhook, values['allow-private']);
    if (refusal) return fail('subscriptions', refusal);
    const checked = ChangeFilterSchema.safeParse({ donor: values.donor, recipient: values.recipient, category: values.category, status: values.status, minEur: values['min-eur'] });
    if (!checked.success) return fail('subscriptions', `--${checked.error.issues[0].path.join('.').replace('minEur', 'min-eur')}: ${checked.error.issues[0].message}`);
    filters = checked.data;
  }
  const store = await storeFromOption(values.db, 'subscriptions');
  if (!store) return 1;
  try {
    if (action === 'add') {
      const sub = await addSubscription(store.db, { name: values.name ?? null, filters: filters!, webhookUrl: values.webhook!, secret: values.secret, allowPrivate: values['allow-private'] }, new Date());
      if (values.json) process.stdout.write(`${JSON.stringify(sub)}\n`);
      else process.stdout.write(`subscription ${sub.id}: changes matching ${describeFilters(sub)} are posted to ${sub.webhookUrl}\nsigning secret (shown once): ${sub.secret}\n`);
      return 0;
    }
    if (action === 'remove') {
      if (!(await removeSubscription(store.db, Number(id)))) return fail('subscriptions', `no subscription ${id}`, 1);
      process.stdout.write(`removed subscription ${id}\n`);
      return 0;
    }
    if (action === 'deliveries') {
      const log = await deliveriesOf(store.db, Number(id));
      if (values.json) process.stdout.write(`${JSON.stringify(log)}\n`);
      else if (log.length === 0) process.stdout.write(`nothing sent to subscription ${id} yet: it is sent the ledger changes made after it was added that match its filters\n`);
      else for (const d of log) process.stdout.write(`${d.id}  change ${d.changeId}  ${d.state}  ${d.attempts} attempts${d.log.map((a) => `\n    ${a.at}  ${a.status ?? '—'}  ${a.ms} ms${a.error ? `  ${a.error}` : ''}`).join('')}\n`);
      return 0;
    }
    const subs = await listSubscriptions(store.db);
    if (values.json) process.stdout.write(`${JSON.stringify(subs)}\n`);
    else if (subs.length === 0) process.stdout.write('no subscriptions: add one with `pledgewatch subscriptions add --webhook URL --donor DE`\n');
    else for (const s of subs) process.stdout.write(`${s.id}  ${s.name ? `${s.name}  ` : ''}${s.webhookUrl}  ${describeFilters(s)}  delivered ${s.deliveries.delivered} · pending ${s.deliveries.pending} · failed ${s.deliveries.failed}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

function describeFilters(s: Subscription): string {
  const f = Object.entries(s.filters).filter(([, v]) => v !== undefined);
  return f.length === 0 ? 'every change' : f.map(([k, v]) => `${k}=${v}`).join(' ');
}
