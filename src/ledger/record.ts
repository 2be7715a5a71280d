// The one writer of the ledger. An extracted article becomes a stored revision at one or more
// addresses, with its facts, its entities and its folded commitments; ingest, the queue's
// worker and reprocess all write through recordArticles or rerecordArticle, reviews through refold.
import type { z } from 'zod';
import { CommitmentSchema, MeetingRulesSchema, ProposalRulesSchema, QuoteSchema, SanctionRulesSchema, type Commitment } from '../facts/types.js';
import { detectLanguage } from '../pipeline/normalize/index.js';
import type { PipelineResult } from '../pipeline/run-pipeline.js';
import { addMember, addMentions, insertFacts, upsertOrganizations, upsertPersons, yieldToEventLoop, type Db, type NewFact } from '../store/repositories.js';
import { foldCommitment, foldCommitments, lockBuckets, unfoldFacts, writeHistory, type FoldedFields, type ReportedCommitment } from './commitments.js';
import { announcementDate } from './dates.js';
import { foldProposals, unfoldProposalFacts, type ProposalFields, type ReportedProposal } from './proposals.js';
import { storyFor } from './stories.js';

export interface ArticleSource {
  text: string;
  url?: string | null;
  source?: string | null;
  published?: string | null;
  title?: string | null;
}

/** An article after extraction, ready to be recorded. */
export interface ExtractedArticle {
  input: ArticleSource;
  result: PipelineResult;
  signature: number[];
  /** The content hash of the normalized text. */
  hash: string;
  canonical: string | null;
}

export type RecordOutcome =
  | { status: 'ingested'; articleId: number; storyId: number; facts: number; commitments: number; revisionOf: number | null }
  | { status: 'duplicate'; articleId: number; newLocation: boolean };

/**
 * Records extracted articles, in order, in the transaction `db`. Each article's text, facts and
 * entities go in first; then the fold locks of all their commitments are taken at once, in one
 * order, and the commitments folded: a concurrent writer waits on a lock only while the ledger
 * rows are written, and two writers' batches cannot deadlock.
 */
export async function recordArticles(db: Db, articles: ExtractedArticle[], now: Date): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  const reports: ReportedCommitment[] = [];
  const proposals: ReportedProposal[] = [];
  for (const a of articles) {
    const recorded = await recordArticle(db, a, now);
    outcomes.push(recorded.outcome);
    reports.push(...recorded.reports);
    proposals.push(...recorded.proposals);
  }
  await foldInTurns(db, reports, now);
  await foldProposals(db, proposals, now);
  return outcomes;
}

/**
 * Records an extracted article, leaving its commitments to fold. The same text again is a
 * duplicate, and at a new address another location of the same article; a new text at a known
 * address is a new revision.
 */
async function recordArticle(db: Db, a: ExtractedArticle, now: Date): Promise<{ outcome: RecordOutcome } & Reports> {
  const same = await db.selectFrom('articles').select(['id']).where('content_hash', '=', a.hash).executeTakeFirst();
  if (same) return { outcome: { status: 'duplicate', articleId: same.id, newLocation: await addLocation(db, same.id, a, now, true) }, reports: [], proposals: [] };
  const previous = a.canonical ? await currentRevisionAt(db, a.canonical) : undefined;
  const text = a.result.normalized.text;
  const title = a.input.title ?? a.result.normalized.title ?? firstLine(text);
  const { storyId, bands } = await storyFor(db, a.signature, title, now);
  if (previous) await db.updateTable('articles').set({ canonical_url: null }).where('id', '=', previous.id).execute();
  const article = await db
    .insertInto('articles')
    .values({
      content_hash: a.hash, canonical_url: a.canonical, url: a.input.url ?? null, source: a.input.source ?? hostOf(a.input.url), title,
      published: validDate(a.input.published), language: detectLanguage(text), place: a.result.normalized.dateline?.place ?? null, text,
      extractor_version: a.result.extractorVersion, story_id: storyId, signature: JSON.stringify(a.signature), ingested_at: now.toISOString(),
      revision_of: previous?.id ?? null, superseded_by: null,
    })
    .returning(['id', 'language'])
    .executeTakeFirstOrThrow();
  if (bands.length > 0) await db.insertInto('story_bands').values(bands.map((band) => ({ band, article_id: article.id }))).execute();
  await addLocation(db, article.id, a, now, false);
  const carried = previous ? await supersede(db, previous.id, article.id, now) : new Map<string, CarriedReview>();
  const { facts, reports, proposals } = await recordFacts(db, { id: article.id, language: article.language, published: validDate(a.input.published) }, a.result, now, carried);
  return { outcome: { status: 'ingested', articleId: article.id, storyId, facts, commitments: reports.length, revisionOf: previous?.id ?? null }, reports, proposals };
}

/** Folds commitments under their fold locks, taken first and all at once; a few at a time, with a turn of the event loop between. */
async function foldInTurns(db: Db, reports: ReportedCommitment[], now: Date): Promise<void> {
  await lockBuckets(db, reports.map((r) => r.commitment));
  for (let i = 0; i < reports.length; i += FOLDED_BETWEEN_PAUSES) {
    // better-sqlite3 answers synchronously: without a pause a long batch would hold the event loop to the end
    if (i > 0) await yieldToEventLoop();
    await foldCommitments(db, reports.slice(i, i + FOLDED_BETWEEN_PAUSES), now);
  }
}

/** Re-extracted facts for a stored article: reviewed facts are kept, pending ones replaced, the ledger folded again. */
export async function rerecordArticle(db: Db, article: { id: number; language: string | null; published: string | null }, result: PipelineResult, now: Date): Promise<void> {
  const pending = await db.selectFrom('facts').select(['id', 'type']).where('article_id', '=', article.id).where('review_status', '=', 'pending').execute();
  await unfoldFacts(db, pending.filter((f) => f.type === 'commitment').map((f) => f.id), now, { action: 're-extracted' });
  await unfoldProposalFacts(db, pending.filter((f) => f.type === 'proposal').map((f) => f.id), now);
  await db.deleteFrom('facts').where('article_id', '=', article.id).where('review_status', '=', 'pending').execute();
  const kept = await db.selectFrom('facts').select(['type', 'start', 'end']).where('article_id', '=', article.id).execute();
  const keptAt = new Set(kept.map((f) => `${f.type}:${f.start}:${f.end}`));
  const { reports, proposals } = await recordFacts(db, article, result, now, new Map(), (f) => !keptAt.has(`${f.type}:${f.start}:${f.end}`));
  await foldInTurns(db, reports, now);
  await foldProposals(db, proposals, now);
  await db.updateTable('articles').set({ extractor_version: result.extractorVersion }).where('id', '=', article.id).execute();
}

/**
 * Folds a reviewed commitment again: out of the rows it was a source of, then, unless it was
 * rejected, into the row its reviewed fields restate.
 */
export async function refold(db: Db, fact: { id: number; article_id: number; start: number; end: number }, fields: FoldedFields | null, now: Date, actor: string): Promise<void> {
  await unfoldFacts(db, [fact.id], now, { action: fields ? 'corrected' : 'rejected', actor });
  if (!fields) return;
  const article = await db.selectFrom('articles').select(['text', 'published']).where('id', '=', fact.article_id).executeTakeFirstOrThrow();
  const dated = announcementDate(sentenceAround(article.text, fact.start, fact.end), article.published);
  const ledgerId = await foldCommitment(db, { factId: fact.id, articleId: fact.article_id, commitment: fields, dated }, now);
  await writeHistory(db, ledgerId, 'correction', { factId: fact.id, fields }, now, actor);
}

/** Folds a reviewed proposal again: out of the proposal it was part of, then, unless it was rejected, in with its reviewed fields. */
export async function refoldProposal(db: Db, fact: { id: number; article_id: number; start: number; end: number; evidence: string }, fields: ProposalFields | null, now: Date): Promise<void> {
  await unfoldProposalFacts(db, [fact.id], now);
  if (!fields) return;
  const article = await db.selectFrom('articles').select(['published']).where('id', '=', fact.article_id).executeTakeFirstOrThrow();
  await foldProposals(db, [proposalReport(fact.id, fact.article_id, fields, fact, article.published, now)], now);
}

function proposalReport(factId: number, articleId: number, proposal: ProposalFields, evidence: { evidence: string; start: number; end: number }, published: string | null, now: Date): ReportedProposal {
  return { factId, articleId, proposal, evidence: { text: evidence.evidence, start: evidence.start, end: evidence.end }, at: validDate(published) ?? now.toISOString().slice(0, 10) };
}

/** The rule id of every field of a fact a reviewer added: the reviewer decided it, not a pattern. */
export const ADDED_BY_REVIEWER = 'reviewer.added';

export interface FactByHand {
  type: NewFact['type'];
  /** The selection in the article's text that states the fact: its evidence. */
  start: number;
  end: number;
  /** The fact's fields, without evidence or rule ids. */
  data: Record<string, unknown>;
}

/**
 * A fact the extractor missed, added by a reviewer with a selection of the text as its evidence:
 * stored as accepted and logged; a commitment folds into the ledger, a person or an organization
 * is registered. Undefined when there is no such current (and not deleted) article revision; throws a RangeError
 * for a selection outside its text.
 */
export async function addFactByHand(db: Db, articleId: number, fact: FactByHand, actor: string, now: Date): Promise<number | undefined> {
  const article = await db.selectFrom('articles').select(['id', 'text', 'published']).where('id', '=', articleId).where('superseded_by', 'is', null).where('deleted_at', 'is', null).executeTakeFirst();
  if (!article) return undefined;
  if (!(fact.start >= 0 && fact.start < fact.end && fact.end <= article.text.length)) throw new RangeError(`the selection ${fact.start}–${fact.end} is not within the article's ${article.text.length} characters`);
  const evidence = article.text.slice(fact.start, fact.end);
  const data: Record<string, unknown> = { ...fact.data, ...rulesOfAdded(fact.type) };
  const [id] = await insertFacts(db, articleId, ADDED_BY_REVIEWER, [{ type: fact.type, data, start: fact.start, end: fact.end, evidence, rule: ADDED_BY_REVIEWER }]);
  const at = now.toISOString();
  await db.updateTable('facts').set({ review_status: 'accepted', reviewed_by: actor, reviewed_at: at }).where('id', '=', id).execute();
  await db.insertInto('review_log').values({ fact_id: id, action: 'add', actor, at, before: null, after: JSON.stringify(data) }).execute();
  if (fact.type === 'person') await upsertPersons(db, [{ name: String(data.name), role: (data.role as string | null) ?? null, country: (data.country as string | null) ?? null }]);
  if (fact.type === 'organization') {
    const ids = await upsertOrganizations(db, [{ name: String(data.name), acronym: (data.acronym as string | null) ?? null, kind: (data.kind as string | null) ?? null }]);
    await addMentions(db, articleId, [...ids.values()]);
  }
  if (fact.type === 'commitment') {
    const dated = announcementDate(sentenceAround(article.text, fact.start, fact.end), article.published);
    const ledgerId = await foldCommitment(db, { factId: id, articleId, commitment: data as unknown as Commitment, dated }, now);
    await writeHistory(db, ledgerId, 'added', { factId: id }, now, actor);
  }
  if (fact.type === 'proposal') await foldProposals(db, [proposalReport(id, articleId, data as unknown as ProposalFields, { evidence, start: fact.start, end: fact.end }, article.published, now)], now);
  return id;
}

/**
 * A reviewer deletes an article: it is marked deleted (who, when, why) and stays stored, its
 * facts are marked deleted with a line each in the review log, its commitments leave the ledger
 * (logged on their rows), and it is no longer counted as naming its organizations. False when
 * there is no such article, or it was deleted before.
 */
export async function deleteArticle(db: Db, articleId: number, by: { actor: string; reason: string | null }, now: Date): Promise<boolean> {
  const article = await db.selectFrom('articles').select(['id']).where('id', '=', articleId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!article) return false;
  const at = now.toISOString();
  await db.updateTable('articles').set({ deleted_at: at, deleted_by: by.actor, deleted_reason: by.reason }).where('id', '=', articleId).execute();
  const facts = await db.selectFrom('facts').select(['id', 'type', 'review_status']).where('article_id', '=', articleId).where('review_status', '!=', 'superseded').execute();
  await unfoldFacts(db, facts.filter((f) => f.type === 'commitment').map((f) => f.id), now, { action: 'article deleted', actor: by.actor });
  await unfoldProposalFacts(db, facts.filter((f) => f.type === 'proposal').map((f) => f.id), now);
  for (let i = 0; i < facts.length; i += 200) {
    const chunk = facts.slice(i, i + 200);
    await db.updateTable('facts').set({ review_status: 'deleted' }).where('id', 'in', chunk.map((f) => f.id)).execute();
    await db.insertInto('review_log').values(chunk.map((f) => ({ fact_id: f.id, action: 'article deleted', actor: by.actor, at, before: JSON.stringify({ status: f.review_status }), after: JSON.stringify({ status: 'deleted', reason: by.reason }) }))).execute();
  }
  await db.deleteFrom('organization_mentions').where('article_id', '=', articleId).execute();
  return true;
}

/** The rule ids of each type of fact that carries them, as the fact model names them. */
const RULES_OF: Partial<Record<NewFact['type'], z.ZodObject>> = {
  quote: QuoteSchema.shape.rules, commitment: CommitmentSchema.shape.rules, sanction: SanctionRulesSchema, meeting: MeetingRulesSchema, proposal: ProposalRulesSchema,
};

/** The rule ids a fact of this type carries, every one the reviewer's. */
function rulesOfAdded(type: NewFact['type']): { rules?: Record<string, string> } {
  const rules = RULES_OF[type];
  return rules ? { rules: Object.fromEntries(Object.keys(rules.shape).map((field) => [field, ADDED_BY_REVIEWER])) } : {};
}

interface CarriedReview {
  review_status: 'accepted' | 'rejected' | 'edited';
  reviewed_by: string | null;
  reviewed_at: string | null;
  edited_data: string | null;
}

/** A fact's identity across revisions: its type and fields, not its offsets (which move with an edit). */
const reviewKey = (type: string, data: string) => `${type}:${data}`;

/**
 * The old revision's facts are superseded and leave the ledger; their reviews are handed on to the
 * new revision's facts of the same type and fields.
 */
async function supersede(db: Db, oldId: number, newId: number, now: Date): Promise<Map<string, CarriedReview>> {
  await db.updateTable('articles').set({ superseded_by: newId }).where('id', '=', oldId).execute();
  const facts = await db.selectFrom('facts').select(['id', 'type', 'data', 'review_status', 'reviewed_by', 'reviewed_at', 'edited_data']).where('article_id', '=', oldId).execute();
  const carried = new Map<string, CarriedReview>();
  for (const f of facts) {
    if (f.review_status === 'accepted' || f.review_status === 'rejected' || f.review_status === 'edited') {
      carried.set(reviewKey(f.type, f.data), { review_status: f.review_status, reviewed_by: f.reviewed_by, reviewed_at: f.reviewed_at, edited_data: f.edited_data });
    }
  }
  await unfoldFacts(db, facts.filter((f) => f.type === 'commitment').map((f) => f.id), now, { action: 'superseded' });
  await unfoldProposalFacts(db, facts.filter((f) => f.type === 'proposal').map((f) => f.id), now);
  await db.updateTable('facts').set({ review_status: 'superseded' }).where('article_id', '=', oldId).execute();
  return carried;
}

/** What an article's facts give to fold: its commitments and its proposals. */
interface Reports {
  reports: ReportedCommitment[];
  proposals: ReportedProposal[];
}

/** Commitments folded between two turns of the event loop. */
const FOLDED_BETWEEN_PAUSES = 50;

/**
 * Stores an article's facts (none for a text that is not English: the extractor reads English
 * only) and registers its persons and organizations; returns its commitments, to be folded.
 */
async function recordFacts(
  db: Db,
  article: { id: number; language: string | null; published: string | null },
  result: PipelineResult,
  now: Date,
  carried: Map<string, CarriedReview>,
  keep: (f: NewFact) => boolean = () => true,
): Promise<{ facts: number } & Reports> {
  if (article.language !== 'en') return { facts: 0, reports: [], proposals: [] };
  const facts = factsOf(result).filter(keep);
  const ids = await insertFacts(db, article.id, result.extractorVersion, facts);
  await carryReviews(db, facts, ids, carried);
  await registerEntities(db, article.id, result);
  const reports: ReportedCommitment[] = [];
  const proposals: ReportedProposal[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (f.type !== 'commitment' && f.type !== 'proposal') continue;
    const review = carried.get(reviewKey(f.type, JSON.stringify(f.data)));
    if (review?.review_status === 'rejected') continue;
    const fields = review?.edited_data ? JSON.parse(review.edited_data) : f.data;
    if (f.type === 'proposal') {
      proposals.push(proposalReport(ids[i], article.id, fields as ProposalFields, f, article.published, now));
      continue;
    }
    const dated = announcementDate(sentenceAround(result.normalized.text, f.start, f.end), article.published);
    reports.push({ factId: ids[i], articleId: article.id, commitment: fields as Commitment, dated });
  }
  return { facts: facts.length, reports, proposals };
}

async function carryReviews(db: Db, facts: NewFact[], ids: number[], carried: Map<string, CarriedReview>): Promise<void> {
  if (carried.size === 0) return;
  for (let i = 0; i < facts.length; i++) {
    const review = carried.get(reviewKey(facts[i].type, JSON.stringify(facts[i].data)));
    if (review) await db.updateTable('facts').set(review).where('id', '=', ids[i]).execute();
  }
}

/** Records that the article was found at the address `a` came from; false when that was known. `stored`: the article was there before (a new one has no address yet, nor ledger rows). */
async function addLocation(db: Db, articleId: number, a: ExtractedArticle, now: Date, stored: boolean): Promise<boolean> {
  if (!a.canonical || !a.input.url) return false;
  const known = stored && (await db.selectFrom('article_locations').select('id').where('article_id', '=', articleId).where('canonical_url', '=', a.canonical).executeTakeFirst());
  if (known) return false;
  await db.insertInto('article_locations').values({ article_id: articleId, url: a.input.url, canonical_url: a.canonical, source: a.input.source ?? hostOf(a.input.url), seen_at: now.toISOString() }).execute();
  if (!stored) return true;
  const rows = await db.selectFrom('commitment_sources').select('ledger_id').distinct().where('article_id', '=', articleId).execute();
  for (const r of rows) await writeHistory(db, r.ledger_id, 'location', { articleId, url: a.input.url }, now);
  return true;
}

/** The revision now found at an address: the newest article located there that no later revision replaced. */
async function currentRevisionAt(db: Db, canonical: string) {
  return db
    .selectFrom('article_locations')
    .innerJoin('articles', 'articles.id', 'article_locations.article_id')
    .select(['articles.id'])
    .where('article_locations.canonical_url', '=', canonical)
    .where('articles.superseded_by', 'is', null)
    .orderBy('articles.id', 'desc')
    .executeTakeFirst();
}

export function factsOf(r: PipelineResult): NewFact[] {
  const out: NewFact[] = [];
  const add = (type: NewFact['type'], fact: { evidence: { start: number; end: number; text: string; rule: string } }, data: object) =>
    out.push({ type, data: data as Record<string, unknown>, start: fact.evidence.start, end: fact.evidence.end, evidence: fact.evidence.text, rule: fact.evidence.rule });
  const strip = <T extends { evidence: unknown }>({ evidence: _e, ...rest }: T) => rest;
  for (const p of r.persons) add('person', p, strip(p));
  for (const c of r.countries) add('country', c, strip(c));
  for (const o of r.organizations) add('organization', o, strip(o));
  for (const q of r.quotes) add('quote', q, strip(q));
  for (const c of r.commitments) add('commitment', c, strip(c));
  for (const s of r.sanctions) add('sanction', s, strip(s));
  for (const m of r.meetings) add('meeting', m, strip(m));
  for (const p of r.proposals) add('proposal', p, strip(p));
  return out;
}

/** Persons and organizations of the article; a state that pledges as part of a coalition becomes its member. */
async function registerEntities(db: Db, articleId: number, r: PipelineResult): Promise<void> {
  await upsertPersons(db, r.persons.map((p) => ({ name: p.name, role: p.role, country: p.country })));
  const orgIds = await upsertOrganizations(db, r.organizations.map((o) => ({ name: o.name, acronym: o.acronym, kind: o.kind })));
  await addMentions(db, articleId, [...orgIds.values()]);
  for (const c of r.commitments) {
    if (!c.donor || !/^[A-Z]{2}$/.test(c.donor)) continue;
    const sentence = sentenceAround(r.normalized.text, c.evidence.start, c.evidence.end);
    for (const o of r.organizations) {
      const id = orgIds.get(o.name);
      if (id !== undefined && (o.kind === 'coalition' || /coalition|initiative|format/i.test(o.name)) && sentence.toLowerCase().includes(o.name.toLowerCase())) {
        await addMember(db, { organization_id: id, country: c.donor, article_id: articleId, evidence: sentence });
      }
    }
  }
}

/** The sentence holding the span [start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start) + 1, text.lastIndexOf('\n', start) + 1, 0);
  const stops = [text.indexOf('.', end), text.indexOf('\n', end)].filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) + 1 : text.length).trim();
}

/** A publication date as precise as it was given: a day, a month or a year. */
function validDate(d: string | null | undefined): string | null {
  return d ? (/^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(d)?.[0] ?? null) : null;
}

function firstLine(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? null;
  return line && line.length > 200 ? `${line.slice(0, 197)}…` : line;
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
