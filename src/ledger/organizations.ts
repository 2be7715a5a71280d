// What an organization's page lists: the commitments made through it — pledged by it as a
// group, or by a member in a sentence that names it ("Lithuania is ready to join the coalition
// of the willing") — not every pledge its members ever made.
import type { Db } from '../store/schema.js';
import { ledgerRows, type LedgerRow } from './query.js';
import { sentenceAround } from './record.js';

export async function commitmentsThrough(db: Db, org: { name: string; acronym: string | null }, members: string[]): Promise<LedgerRow[]> {
  const donors = [...members, org.name];
  const rows = await ledgerRows(db, { donors, limit: 200 * donors.length });
  const factIds = rows.filter((r) => r.donor !== org.name).flatMap((r) => r.sources.map((s) => s.factId));
  const naming = new Set<number>();
  const names = [org.name, org.acronym].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
  for (let i = 0; i < factIds.length; i += 200) {
    const facts = await db
      .selectFrom('facts')
      .innerJoin('articles', 'articles.id', 'facts.article_id')
      .select(['facts.id', 'facts.start', 'facts.end', 'articles.text'])
      .where('facts.id', 'in', factIds.slice(i, i + 200))
      .execute();
    for (const f of facts) {
      const sentence = sentenceAround(f.text, f.start, f.end).toLowerCase();
      if (names.some((n) => sentence.includes(n))) naming.add(f.id);
    }
  }
  return rows.filter((r) => r.donor === org.name || r.sources.some((s) => naming.has(s.factId)));
}
