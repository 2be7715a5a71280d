// Proposals across articles. Each article gives its own proposal facts (a later one that reports
// only the answer gives the proposal with that answer); a stored proposal with a proposer in
// common, the same addressee (or none named) and a subject that shares its main words, reported
// within 90 days, is the same proposal: the fact folds into its row, and the report and each
// answer become events of its history. The status now is the latest answer's, else the latest
// report's. A fact that is rejected, superseded or deleted leaves its events; a row left with
// none goes.
import { articles, determiners, grammar, prepositions, proposalStepSynonyms } from '../lexicons/index.js';
import type { Proposal } from '../facts/types.js';
import { STATUS_OF_ANSWER } from '../facts/vocabulary.js';
import { dayNumber, isoDay } from './dates.js';
import { lockKeys } from '../store/dialects/index.js';
import type { Db } from '../store/schema.js';

/** The fields of a proposal fact that fold: what the extractor (or a reviewer) says, without its rule ids. */
export type ProposalFields = Omit<Proposal, 'rules' | 'evidence'>;

export interface ReportedProposal {
  factId: number;
  articleId: number;
  proposal: ProposalFields;
  /** The words that state the proposal, and where. */
  evidence: { text: string; start: number; end: number };
  /** When it was reported: the article's publication date, else the day it was stored. */
  at: string;
}

/** How far apart two reports of one proposal may be, in days. */
const FOLD_WINDOW_DAYS = 90;
/** One lock for the proposals' fold: two writers cannot both make a row for the same proposal. */
const FOLD_LOCK = 'fold:proposals';

const NOT_MAIN = new Set([...articles, ...determiners, ...prepositions, ...grammar.coordinators]);

/** The words of a subject that say what is proposed, a step's other names as one: "a 30-day truce" → 30, day, ceasefire. */
export function mainWords(subject: string): Set<string> {
  const words = subject.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !NOT_MAIN.has(w));
  return new Set(words.map((w) => proposalStepSynonyms.get(w) ?? w));
}

/** Whether two subjects share at least half the main words of the shorter one. */
export function sameSubject(a: string, b: string): boolean {
  const x = mainWords(a), y = mainWords(b);
  if (x.size === 0 || y.size === 0) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.min(x.size, y.size) >= 0.5;
}

/** Whether a stored row and a new report are the same proposal (the dates are the query's). */
export function sameProposal(row: { proposer: string[]; addressee: string | null; subject: string }, p: ProposalFields): boolean {
  if (!row.proposer.some((x) => p.proposer.includes(x))) return false;
  if (row.addressee && p.addressee && row.addressee !== p.addressee) return false;
  return sameSubject(row.subject, p.subject);
}

/** A date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, read as its first day) moved by some days. */
const shiftDays = (date: string, days: number) => isoDay(dayNumber(date) + days);

/** Folds reported proposals, in order, under the fold lock; returns each one's row id. */
export async function foldProposals(db: Db, reports: ReportedProposal[], now: Date): Promise<number[]> {
  if (reports.length === 0) return [];
  await lockKeys(db, [FOLD_LOCK]);
  const ids: number[] = [];
  for (const r of reports) ids.push(await foldOne(db, r, now));
  return ids;
}

async function foldOne(db: Db, r: ReportedProposal, now: Date): Promise<number> {
  const candidates = await db
    .selectFrom('ledger_proposals')
    .select(['id', 'proposer', 'addressee', 'subject'])
    .where('last_seen', '>=', shiftDays(r.at, -FOLD_WINDOW_DAYS))
    .where('first_seen', '<=', shiftDays(r.at, FOLD_WINDOW_DAYS))
    .orderBy('id')
    .execute();
  const match = candidates.find((c) => sameProposal({ ...c, proposer: JSON.parse(c.proposer) as string[] }, r.proposal));
  const updatedAt = now.toISOString();
  let id: number;
  if (match) {
    id = match.id;
    if (!match.addressee && r.proposal.addressee) await db.updateTable('ledger_proposals').set({ addressee: r.proposal.addressee }).where('id', '=', id).execute();
  } else {
    const row = await db
      .insertInto('ledger_proposals')
      .values({ proposer: JSON.stringify(r.proposal.proposer), addressee: r.proposal.addressee, subject: r.proposal.subject, status: r.proposal.status, first_seen: r.at, last_seen: r.at, updated_at: updatedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  const base = { proposal_id: id, fact_id: r.factId, article_id: r.articleId, at: r.at };
  await db
    .insertInto('proposal_events')
    .values([
      { ...base, kind: 'proposed', party: null, response: null, status: r.proposal.responses.length > 0 ? 'proposed' : r.proposal.status, evidence: r.evidence.text, start: r.evidence.start, end: r.evidence.end },
      ...r.proposal.responses.map((a) => ({ ...base, kind: 'response' as const, party: a.by, response: a.response, status: STATUS_OF_ANSWER[a.response], evidence: a.evidence, start: a.start, end: a.end })),
    ])
    .execute();
  await recompute(db, id, now);
  return id;
}

/** The row's dates and status from its events: the latest answer decides, else the latest report. */
async function recompute(db: Db, id: number, now: Date): Promise<void> {
  const events = await db.selectFrom('proposal_events').select(['at', 'kind', 'status', 'start']).where('proposal_id', '=', id).execute();
  if (events.length === 0) {
    await db.deleteFrom('ledger_proposals').where('id', '=', id).execute();
    return;
  }
  const order = (a: (typeof events)[number], b: (typeof events)[number]) => (a.at ?? '').localeCompare(b.at ?? '') || a.start - b.start;
  const answers = events.filter((e) => e.kind === 'response').sort(order);
  const latest = answers.length > 0 ? answers[answers.length - 1] : [...events].sort(order)[events.length - 1];
  const dates = events.map((e) => e.at).filter((d): d is string => d !== null).sort();
  await db
    .updateTable('ledger_proposals')
    .set({ status: latest.status, first_seen: dates[0] ?? null, last_seen: dates[dates.length - 1] ?? null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Takes these facts' events out of their proposals (a rejected, superseded or deleted fact); a proposal left with none goes. */
export async function unfoldProposalFacts(db: Db, factIds: number[], now: Date): Promise<void> {
  if (factIds.length === 0) return;
  await lockKeys(db, [FOLD_LOCK]);
  const touched = new Set<number>();
  for (let i = 0; i < factIds.length; i += 200) {
    const chunk = factIds.slice(i, i + 200);
    const rows = await db.selectFrom('proposal_events').select('proposal_id').distinct().where('fact_id', 'in', chunk).execute();
    for (const r of rows) touched.add(r.proposal_id);
    await db.deleteFrom('proposal_events').where('fact_id', 'in', chunk).execute();
  }
  for (const id of touched) await recompute(db, id, now);
}
