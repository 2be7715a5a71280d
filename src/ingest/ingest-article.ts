// ingestArticle(): one article → pipeline → store, in one transaction. The CLI, the queue
// worker and the API all call this one function.
import { createHash } from 'node:crypto';
import type { Commitment } from '../facts/types.js';
import { detectLanguage } from '../pipeline/normalize/index.js';
import type { PipelineResult } from '../pipeline/run-pipeline.js';
import { bandKeys, COPY_THRESHOLD, similarity } from '../ledger/stories.js';
import { advancedStatus, earliest, foldWindow, sameCommitment } from '../ledger/fold.js';
import type { FactStore } from '../store/index.js';
import { addMember, findArticleByHashOrUrl, insertFacts, upsertOrganizations, upsertPersons, yieldToEventLoop, type Db, type NewFact } from '../store/repositories.js';
import { extractInThisThread, type Extractor } from './extract.js';

export interface ArticleSource {
  text: string;
  url?: string | null;
  source?: string | null;
  published?: string | null;
  title?: string | null;
}

export type IngestOutcome =
  | { status: 'ingested'; articleId: number; storyId: number; facts: number; commitments: number }
  | { status: 'duplicate'; articleId: number }
  | { status: 'failed'; error: string };

/** sha256 of the normalized text: the identity of an article, and the queue's job id. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The URL without tracking parameters, fragment, "www." and trailing slash. */
export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    u.hash = '';
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|mc_|ref$|cmp$)/i.test(key)) u.searchParams.delete(key);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.protocol}//${host}${path}${u.search}`;
  } catch {
    return null;
  }
}

export async function ingestArticle(store: FactStore, input: ArticleSource, now: Date = new Date(), extract: Extractor = extractInThisThread): Promise<IngestOutcome> {
  return (await ingestArticles(store, [input], now, extract))[0];
}

interface Prepared {
  input: ArticleSource;
  result: PipelineResult;
  signature: number[];
  hash: string;
  canonical: string | null;
}

/**
 * Extracts a batch of articles, then stores them in one transaction: each article with all
 * its facts or not at all, and one commit for the batch (a commit costs more than an article's
 * inserts). If the batch cannot commit — another worker stored one of its articles first —
 * each article is stored in a transaction of its own.
 */
export async function ingestArticles(store: FactStore, inputs: ArticleSource[], now: Date = new Date(), extract: Extractor = extractInThisThread): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = new Array(inputs.length);
  const prepared: Array<[number, Prepared]> = [];
  for (let i = 0; i < inputs.length; i++) {
    const p = await prepare(inputs[i], extract);
    if ('error' in p) outcomes[i] = { status: 'failed', error: p.error };
    else prepared.push([i, p]);
  }
  if (prepared.length === 0) return outcomes;
  try {
    const stored = await store.db.transaction().execute(async (trx) => {
      const out: IngestOutcome[] = [];
      for (const [, p] of prepared) out.push(await storePrepared(trx, p, now));
      return out;
    });
    prepared.forEach(([i], k) => (outcomes[i] = stored[k]));
  } catch (err) {
    if (prepared.length === 1) {
      // a concurrent worker stored the same article first: the unique keys make this a duplicate
      const [i, p] = prepared[0];
      const again = await findArticleByHashOrUrl(store.db, p.hash, p.canonical).catch(() => undefined);
      if (again) outcomes[i] = { status: 'duplicate', articleId: again.id };
      else throw err;
    } else {
      for (const [i, p] of prepared) outcomes[i] = (await ingestArticles(store, [p.input], now, extract))[0];
    }
  }
  return outcomes;
}

async function prepare(input: ArticleSource, extract: Extractor): Promise<Prepared | { error: string }> {
  if (input.url && !/^https?:\/\//i.test(input.url)) return { error: `url must be an http or https address, not ${JSON.stringify(input.url.slice(0, 80))}` };
  const outcome = await extract({ text: input.text, published: input.published ?? null });
  if (!outcome.ok) return { error: outcome.error };
  return { input, result: outcome.result, signature: outcome.signature, hash: contentHash(outcome.result.normalized.text), canonical: canonicalUrl(input.url) };
}

async function storePrepared(trx: Db, p: Prepared, now: Date): Promise<IngestOutcome> {
  const { input, result, hash, canonical, signature: sig } = p;
  const existing = await findArticleByHashOrUrl(trx, hash, canonical);
  if (existing) return { status: 'duplicate', articleId: existing.id };
  const text = result.normalized.text;
  const language = detectLanguage(text);
  const english = language === 'en';
  const title = input.title ?? result.normalized.title ?? firstLine(text);
  const { storyId, bands } = await storyFor(trx, sig, title, now);
  const article = await trx
    .insertInto('articles')
    .values({
      content_hash: hash, canonical_url: canonical, url: input.url ?? null, source: input.source ?? hostOf(input.url), title,
      published: validDate(input.published), language, place: result.normalized.dateline?.place ?? null, text, extractor_version: result.extractorVersion,
      story_id: storyId, signature: JSON.stringify(sig), ingested_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (bands.length > 0) await trx.insertInto('story_bands').values(bands.map((band) => ({ band, article_id: article.id }))).execute();
  const facts = english ? factsOf(result) : [];
  const ids = await insertFacts(trx, article.id, result.extractorVersion, facts);
  if (english) await registerEntities(trx, article.id, result);
  const announced = validDate(input.published) ?? now.toISOString().slice(0, 10);
  let commitments = 0;
  for (let i = 0; i < facts.length; i++) {
    if (facts[i].type !== 'commitment') continue;
    await foldCommitment(trx, ids[i], article.id, facts[i].data as unknown as Commitment, announced, now);
    // better-sqlite3 answers synchronously: without a pause a long article would hold the event loop to the end
    if (++commitments % 50 === 0) await yieldToEventLoop();
  }
  return { status: 'ingested', articleId: article.id, storyId, facts: facts.length, commitments };
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
  return out;
}

/**
 * A band shared by this many articles carries boilerplate (a recurring sign-off, a template),
 * not the identity of a story: it gets no more entries and finds no candidates. This keeps
 * the candidate search bounded however many articles are stored.
 */
const HOT_BAND = 20;

/** The story of a new article: the story of a near-copy found through shared bands, else a new one. Files the article's bands. */
async function storyFor(db: Db, articleSig: number[], title: string | null, now: Date): Promise<{ storyId: number; bands: string[] }> {
  const keys = bandKeys(articleSig);
  const rows = await db
    .selectFrom('story_bands')
    .innerJoin('articles', 'articles.id', 'story_bands.article_id')
    .select(['story_bands.band', 'articles.id', 'articles.story_id'])
    .where('story_bands.band', 'in', keys)
    .execute();
  const perBand = new Map<string, number>();
  const shared = new Map<number, { storyId: number | null; bands: number }>();
  for (const r of rows) {
    perBand.set(r.band, (perBand.get(r.band) ?? 0) + 1);
    const entry = shared.get(r.id) ?? { storyId: r.story_id, bands: 0 };
    entry.bands++;
    shared.set(r.id, entry);
  }
  // the articles sharing most bands are the likely copies; their signatures decide
  const likely = [...shared.entries()].sort((a, b) => b[1].bands - a[1].bands).slice(0, 5);
  let best: { storyId: number; score: number } | null = null;
  if (likely.length > 0) {
    const sigs = await db.selectFrom('articles').select(['id', 'signature']).where('id', 'in', likely.map(([id]) => id)).execute();
    for (const s of sigs) {
      const storyId = shared.get(s.id)?.storyId;
      if (storyId === null || storyId === undefined) continue;
      const score = similarity(articleSig, JSON.parse(s.signature) as number[]);
      if (score >= COPY_THRESHOLD && (!best || score > best.score)) best = { storyId, score };
    }
  }
  const bands = keys.filter((k) => (perBand.get(k) ?? 0) < HOT_BAND);
  if (best) return { storyId: best.storyId, bands };
  const story = await db.insertInto('stories').values({ title, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
  return { storyId: story.id, bands };
}

/** Persons and organizations of the article; a state that pledges as part of a coalition becomes its member. */
export async function registerEntities(db: Db, articleId: number, r: PipelineResult): Promise<void> {
  await upsertPersons(db, r.persons.map((p) => ({ name: p.name, role: p.role, country: p.country })));
  const orgIds = await upsertOrganizations(db, r.organizations.map((o) => ({ name: o.name, acronym: o.acronym, kind: o.kind })));
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

export async function foldCommitment(db: Db, factId: number, articleId: number, c: Commitment, announced: string, now: Date): Promise<void> {
  const window = foldWindow(announced);
  let q = db.selectFrom('ledger_commitments').selectAll();
  q = c.donor === null ? q.where('donor', 'is', null) : q.where('donor', '=', c.donor);
  q = c.recipient === null ? q.where('recipient', 'is', null) : q.where('recipient', '=', c.recipient);
  q = c.unit === null ? q.where('unit', 'is', null) : q.where('unit', '=', c.unit);
  // ingestion always dates a commitment (publication, else ingestion day): the index serves this range
  if (window) q = q.where('announced', '>=', window.from).where('announced', '<=', window.to);
  const candidates = await q.execute();
  const reported = { donor: c.donor, recipient: c.recipient, unit: c.unit, amount: c.amount, category: c.category, status: c.status, announced };
  const match = candidates.find((l) => sameCommitment(l, reported));
  const updatedAt = now.toISOString();
  let ledgerId: number;
  if (match) {
    ledgerId = match.id;
    await db
      .updateTable('ledger_commitments')
      .set({ status: advancedStatus(match.status, c.status), announced: earliest(match.announced, announced), updated_at: updatedAt, item: match.item ?? c.item, period: match.period ?? c.period })
      .where('id', '=', match.id)
      .execute();
  } else {
    const row = await db
      .insertInto('ledger_commitments')
      .values({
        donor: c.donor, recipient: c.recipient, amount: c.amount, unit: c.unit, period: c.period, category: c.category, status: c.status, item: c.item,
        announced, updated_at: updatedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ledgerId = row.id;
  }
  await db.insertInto('commitment_sources').values({ ledger_id: ledgerId, fact_id: factId, article_id: articleId }).execute();
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start) + 1, text.lastIndexOf('\n', start) + 1, 0);
  const stops = [text.indexOf('.', end), text.indexOf('\n', end)].filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) + 1 : text.length).trim();
}

function validDate(d: string | null | undefined): string | null {
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
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
