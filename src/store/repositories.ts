// Repositories: functions over a Kysely handle or transaction. They return `T | undefined`
// honestly and hold no dialect-specific SQL.
import { guessedFields } from '../facts/uncertainty.js';
import type { Db, FactType } from './schema.js';

export type { Db } from './schema.js';

export interface NewFact {
  type: FactType;
  data: Record<string, unknown>;
  start: number;
  end: number;
  evidence: string;
  rule: string;
}

/**
 * Lets other requests run. better-sqlite3 answers synchronously, so a chain of awaited queries
 * never gives the event loop a turn; a writer storing a long article pauses here between chunks
 * (setImmediate: pending I/O is served first, without the millisecond floor of a timer).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Inserts facts in batches; returns their ids in order. */
export async function insertFacts(db: Db, articleId: number, extractorVersion: string, facts: NewFact[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < facts.length; i += 200) {
    const rows = await db
      .insertInto('facts')
      .values(
        facts.slice(i, i + 200).map((f) => ({
          article_id: articleId, type: f.type, data: JSON.stringify(f.data), start: f.start, end: f.end, evidence: f.evidence, rule: f.rule,
          extractor_version: extractorVersion, uncertainty: guessedFields(f.data.rules),
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
    await yieldToEventLoop();
  }
  return ids;
}

export async function upsertPersons(db: Db, persons: Array<{ name: string; role: string | null; country: string | null }>): Promise<void> {
  const unique = [...new Map(persons.map((p) => [p.name, p])).values()];
  if (unique.length === 0) return;
  await db.insertInto('persons').values(unique).onConflict((oc) => oc.column('name').doNothing()).execute();
}

/** Inserts the organizations not yet known; returns every one's id by name. */
export async function upsertOrganizations(db: Db, orgs: Array<{ name: string; acronym: string | null; kind: string | null }>): Promise<Map<string, number>> {
  const unique = [...new Map(orgs.map((o) => [o.name, o])).values()];
  if (unique.length === 0) return new Map();
  await db.insertInto('organizations').values(unique).onConflict((oc) => oc.column('name').doNothing()).execute();
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', unique.map((o) => o.name)).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Records that an article names these organizations (again after a re-extraction: no second row). */
export async function addMentions(db: Db, articleId: number, organizationIds: number[]): Promise<void> {
  const unique = [...new Set(organizationIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('organization_mentions')
    .values(unique.map((id) => ({ organization_id: id, article_id: articleId })))
    .onConflict((oc) => oc.columns(['organization_id', 'article_id']).doNothing())
    .execute();
}

export async function addMember(db: Db, m: { organization_id: number; country: string; article_id: number; evidence: string }): Promise<void> {
  await db
    .insertInto('organization_members')
    .values({ ...m, source: 'fact' })
    .onConflict((oc) => oc.columns(['organization_id', 'country']).doNothing())
    .execute();
}

export interface Counts {
  articles: number;
  stories: number;
  facts: number;
  commitments: number;
}

export async function counts(db: Db): Promise<Counts> {
  const count = async (table: 'articles' | 'stories' | 'facts' | 'ledger_commitments') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { articles: await count('articles'), stories: await count('stories'), facts: await count('facts'), commitments: await count('ledger_commitments') };
}
