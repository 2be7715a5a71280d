// Reading proposals across articles: the list an analyst filters by party and status, and one
// proposal's history from the report that put it forward to each answer, each with its source.
import type { PROPOSAL_STATUSES } from '../facts/vocabulary.js';
import { partyCode } from '../lexicons/index.js';
import type { Db } from '../store/schema.js';

type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalFilter {
  /** A party that proposed, was addressed or answered (a state's code or name, or a body's or person's name). */
  party?: string;
  status?: string;
  /** Only proposals reported on or after this date. */
  since?: string;
  /** Rows per page; null for every row (an export). */
  limit?: number | null;
  offset?: number;
}

export interface ProposalAnswer {
  by: string | null;
  response: string;
  /** The first day the answer was reported. */
  at: string | null;
}

export interface ProposalRow {
  id: number;
  proposer: string[];
  addressee: string | null;
  subject: string;
  status: ProposalStatus;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Each party's answers, once each, in the order they were first reported. */
  responses: ProposalAnswer[];
  /** The words of the first report that state it. */
  evidence: string | null;
  /** How many articles report it, and their addresses. */
  sources: number;
  sourceUrls: string[];
}

export interface ProposalEvent {
  at: string | null;
  kind: 'proposed' | 'response';
  party: string | null;
  response: string | null;
  status: string;
  evidence: string;
  start: number;
  end: number;
  factId: number;
  articleId: number;
  url: string | null;
  title: string | null;
  publisher: string | null;
}

export interface ProposalDetail extends ProposalRow {
  history: ProposalEvent[];
}

/** Proposals, the latest reported first. */
export async function proposalRows(db: Db, filter: ProposalFilter = {}): Promise<{ total: number; items: ProposalRow[] }> {
  let q = db.selectFrom('ledger_proposals');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.since) q = q.where('last_seen', '>=', filter.since);
  if (filter.party) {
    const party = partyCode(filter.party);
    q = q.where((eb) =>
      eb.or([
        eb('proposer', 'like', `%${JSON.stringify(party)}%`),
        eb('addressee', '=', party),
        eb.exists(eb.selectFrom('proposal_events').select('proposal_events.id').whereRef('proposal_events.proposal_id', '=', 'ledger_proposals.id').where('proposal_events.party', '=', party)),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = q.selectAll().orderBy('last_seen', (o) => o.desc().nullsLast()).orderBy('id', 'desc');
  if (filter.limit !== null) page = page.limit(filter.limit ?? 50).offset(filter.offset ?? 0);
  const rows = await page.execute();
  const events = await eventsOf(db, rows.map((r) => r.id));
  return { total: Number(total.n), items: rows.map((r) => rowOut(r, events.get(r.id) ?? [])) };
}

/** One proposal with its history, or undefined. */
export async function proposalById(db: Db, id: number): Promise<ProposalDetail | undefined> {
  const row = await db.selectFrom('ledger_proposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const history = (await eventsOf(db, [id])).get(id) ?? [];
  return { ...rowOut(row, history), history };
}

async function eventsOf(db: Db, ids: number[]): Promise<Map<number, ProposalEvent[]>> {
  const out = new Map<number, ProposalEvent[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('proposal_events')
    .innerJoin('articles', 'articles.id', 'proposal_events.article_id')
    .select(['proposal_events.proposal_id', 'proposal_events.at', 'proposal_events.kind', 'proposal_events.party', 'proposal_events.response', 'proposal_events.status', 'proposal_events.evidence', 'proposal_events.start', 'proposal_events.end', 'proposal_events.fact_id', 'proposal_events.article_id', 'articles.url', 'articles.title', 'articles.source'])
    .where('proposal_events.proposal_id', 'in', ids)
    .orderBy('proposal_events.at')
    .orderBy('proposal_events.article_id')
    // an article puts the proposal forward before it tells the answer, whatever the order of its words
    .orderBy('proposal_events.kind')
    .orderBy('proposal_events.start')
    .execute();
  for (const r of rows) {
    const list = out.get(r.proposal_id) ?? [];
    list.push({ at: r.at, kind: r.kind, party: r.party, response: r.response, status: r.status, evidence: r.evidence, start: r.start, end: r.end, factId: r.fact_id, articleId: r.article_id, url: r.url, title: r.title, publisher: r.source });
    out.set(r.proposal_id, list);
  }
  return out;
}

function rowOut(r: { id: number; proposer: string; addressee: string | null; subject: string; status: string; first_seen: string | null; last_seen: string | null }, events: ProposalEvent[]): ProposalRow {
  const responses: ProposalAnswer[] = [];
  for (const e of events) {
    if (e.kind === 'response' && !responses.some((a) => a.by === e.party && a.response === e.response)) responses.push({ by: e.party, response: e.response!, at: e.at });
  }
  return {
    id: r.id, proposer: JSON.parse(r.proposer) as string[], addressee: r.addressee, subject: r.subject, status: r.status as ProposalStatus, firstSeen: r.first_seen, lastSeen: r.last_seen,
    responses, evidence: events.find((e) => e.kind === 'proposed')?.evidence ?? null,
    sources: new Set(events.map((e) => e.articleId)).size, sourceUrls: [...new Set(events.map((e) => e.url).filter((u): u is string => u !== null))],
  };
}
