// Sanctions as a frame over the patterns of src/lexicons/rules/sanctions.json: a trigger names
// a measure (a package, listings, an asset freeze, a trade or entry ban, a price cap); imposer,
// target and count patterns fill its roles, each field with the id of the rule that chose it.
import type { Sanction } from '../../facts/types.js';
import { anyCouldMatch, familyGate, firstOfOverlapping, type CompiledPattern, type Match, type TokenView } from '../match/index.js';
import { NUMBER_WORDS } from '../resolve/amounts.js';
import type { ArticleContext } from './context.js';
import { isCountry, isOrg, isPerson } from './context.js';
import { datelineState } from './entities.js';
import { evidenceAt } from './evidence.js';
import { donorOfParty, NO_DEFAULTS, partyList, seatBody } from './donors.js';
import { governmentOfState, partyEndingAt } from './parties.js';
import { sanctionPatterns } from './rules.js';
import { articleView } from './view.js';
import { articles, patterns, wordLists } from '../../lexicons/index.js';

const TRIGGERS = sanctionPatterns.role('sanction.trigger.');
/** The words a sentence needs for any trigger to match: most sentences are passed over on them alone. */
const TRIGGER_GATE = familyGate(TRIGGERS);
const NOT_A_MEASURE = sanctionPatterns.role('sanction.not.');
const ADOPTION = sanctionPatterns.role('sanction.adoption');
const IMPOSER_AFTER = sanctionPatterns.role('sanction.imposer.by');
const IMPOSER_BEFORE = ['sanction.imposer.possessive', 'sanction.imposer.modifier', 'sanction.imposer.demonym'].flatMap((id) => sanctionPatterns.role(id));
const TARGETS = sanctionPatterns.role('sanction.target.');
const COUNTS = sanctionPatterns.role('sanction.count');
/** Bodies a measure is not aimed at by name: a state's government is the state, a bloc or the press no target. */
const TARGET_NOT_NAMED_KINDS = wordLists.sanctions.notTargetKinds;
/** Spelled numbers that count exactly ("eight diplomats"), not the vague ones ("dozens", "hundreds"). */
const EXACT_WORDS = new Set(Object.keys(NUMBER_WORDS).filter((w) => !patterns.sanctions.inexactNumberWords.test(w)));
/** How far before a trigger its possessor or modifier may stand, in words. */
const BEFORE_WINDOW = 4;

interface Role {
  value: string | null;
  rule: string | null;
}

interface Measure {
  trigger: Match;
  imposers: Role[];
  target: Role;
}

export function extractSanctions(ctx: ArticleContext): Sanction[] {
  const view = articleView(ctx);
  const out: Sanction[] = [];
  const russia = ctx.countryMentions.some((m) => m.code === 'RU');
  let previous: Measure | null = null;
  for (const sentence of ctx.analysis.sentences) {
    ctx.deadline.check('sanctions');
    const { first, last } = sentence;
    if (!anyCouldMatch(TRIGGER_GATE, view, first, last) || /\?["”’]?\s*$/.test(ctx.text.slice(sentence.start, sentence.end))) continue;
    const triggers = firstOfOverlapping(TRIGGERS.flatMap((p) => p.findAll(view, first, last)));
    if (triggers.length === 0) continue;
    const refusals = NOT_A_MEASURE.flatMap((p) => p.findAll(view, first, last));
    const counts = COUNTS.flatMap((p) => p.findAll(view, first, last)).flatMap((match) => {
      const count = countOf(ctx, match);
      return count === null ? [] : [{ match, count }];
    });
    const measures: Measure[] = [];
    for (const trigger of triggers) {
      if (refusals.some((r) => r.start < trigger.start)) continue;
      const end = clauseEndAfter(ctx, trigger.end, last);
      const imposers = imposersOf(ctx, view, trigger, first, end, previous);
      const target = targetOf(ctx, view, trigger, end, imposers, russia, previous);
      measures.push({ trigger, imposers, target });
    }
    if (measures.length === 0) continue;
    // each count belongs to the measure nearest before it, else to the first one
    const countsOf = new Map<Measure, Array<{ match: Match; count: number }>>();
    for (const c of counts) {
      const owner = [...measures].reverse().find((m) => m.trigger.start <= c.match.start) ?? measures[0];
      countsOf.set(owner, [...(countsOf.get(owner) ?? []), c]);
    }
    const made: Sanction[] = [];
    for (const m of measures) {
      const listed = countsOf.get(m) ?? [];
      const needs = sanctionPatterns.spec(m.trigger.id)?.needs;
      if (listed.length === 0 && (needs === 'count' || needs === 'count-and-imposer')) continue;
      const rows: Array<{ match: Match | null; count: number | null }> = listed.length > 0 ? listed : [{ count: null, match: null }];
      for (const imposer of m.imposers) {
        if (imposer.value === null && needs === 'count-and-imposer') continue;
        for (const row of rows) {
          const span = row.match ?? m.trigger;
          made.push({
            imposer: imposer.value,
            target: m.target.value,
            measure: describe(ctx, m.trigger, row.match),
            count: row.count,
            rules: { trigger: m.trigger.id, imposer: imposer.rule, target: m.target.rule, count: row.match ? row.match.id : null },
            evidence: evidenceAt(ctx, ctx.words[Math.min(span.start, m.trigger.start)].start, ctx.words[Math.max(span.end, m.trigger.end) - 1].end, m.trigger.id),
          });
        }
      }
    }
    // "imposed sanctions that froze €260 billion": one sentence naming the same parties' measure twice is one measure
    out.push(...made.filter((s, i) => s.count !== null || !made.some((o, j) => j < i && o.imposer === s.imposer && o.target === s.target)));
    previous = measures[measures.length - 1];
  }
  return dedupe(out);
}

/** A clause ends at ";": the roles of a measure are looked for up to there. */
function clauseEndAfter(ctx: ArticleContext, from: number, last: number): number {
  for (let k = from; k < last; k++) if (ctx.words[k].text === ';') return k;
  return last;
}

function firstCapture(patterns: CompiledPattern[], view: TokenView, from: number, to: number, name: string): { match: Match; start: number; end: number } | null {
  let best: { match: Match; start: number; end: number } | null = null;
  for (const p of patterns) {
    for (const m of p.findAll(view, from, to)) {
      const c = m.captures[name];
      if (c && (!best || m.start < best.match.start)) best = { match: m, ...c };
    }
  }
  return best;
}

function partyAt(ctx: ArticleContext, start: number, end: number): string | null {
  const o = ctx.owner[start];
  if (isCountry(o)) return seatBody(ctx, start) ?? o.code;
  return donorOfParty(ctx, partyEndingAt(ctx, end - 1, null), NO_DEFAULTS);
}

/**
 * The passive's agent; the clause's subject when the trigger is itself a verb or follows a verb of
 * adoption; a possessor or modifier right before the trigger; the subject anyway; or the measure before.
 */
function imposersOf(ctx: ArticleContext, view: TokenView, trigger: Match, first: number, end: number, previous: Measure | null): Role[] {
  const agent = firstCapture(IMPOSER_AFTER, view, trigger.end, Math.min(end, trigger.end + 8), 'imposer');
  if (agent) return [{ value: partyAt(ctx, agent.start, agent.end), rule: agent.match.id }];
  // the verb that acts: the trigger itself ("imposed sanctions"), or a verb of adoption before its noun ("adopted the EU's package")
  const verb = ctx.words.slice(trigger.start, trigger.end).some((w) => w.pos === 'VERB')
    ? trigger.start
    : ADOPTION.flatMap((p) => p.findAll(view, first, trigger.start)).reduce<number | null>((at, m) => Math.max(at ?? -1, m.start), null);
  if (verb !== null) {
    const found = subjectsBefore(ctx, first, verb);
    if (found.length > 0) return found;
  }
  const from = Math.max(first, trigger.start - BEFORE_WINDOW);
  const near = IMPOSER_BEFORE.flatMap((p) => p.findAll(view, from, trigger.end).map((m) => ({ m, c: m.captures.imposer }))).filter((x) => x.c && x.c.end <= trigger.end);
  const closest = near.sort((a, b) => b.c.start - a.c.start)[0];
  if (closest) {
    const value = partyAt(ctx, closest.c.start, closest.c.end);
    if (value && value !== 'RU') return [{ value, rule: closest.m.id }];
  }
  const found = verb === null ? subjectsBefore(ctx, first, trigger.start) : [];
  if (found.length > 0) return found;
  if (previous) return previous.imposers.map((i) => ({ value: i.value, rule: 'sanction.imposer.previous-measure' }));
  return [{ value: null, rule: null }];
}

/**
 * The parties that begin the clause before the trigger: "the EU, the G7 and Australia imposed …";
 * a ministry named without its state, in a report filed from a capital, acts for that state.
 */
function subjectsBefore(ctx: ArticleContext, first: number, at: number): Role[] {
  const words = ctx.words;
  for (let j = at - 1; j >= first; j--) {
    const owner = ctx.owner[j];
    if (!owner) continue;
    const before = words[owner.first - 1]?.lower ?? '';
    // "the Government of Japan has decided", "the Japanese government decided to freeze": the state acts
    const government = isCountry(owner) ? governmentOfState(ctx, owner) : null;
    if (government) {
      // "sanctions against the Government of X": after a preposition, the government is the target
      const opener = articles.has(words[government.first - 1]?.lower ?? '') ? government.first - 2 : government.first - 1;
      if (!wordLists.sanctions.objectPrepositions.has(words[opener]?.lower ?? '')) return [{ value: government.code, rule: 'sanction.imposer.state-government' }];
    }
    // a party after a preposition is a target or a place, a demonym describes; neither acts
    if (wordLists.sanctions.objectPrepositions.has(before) || (isCountry(owner) && owner.form === 'demonym')) {
      j = owner.first;
      continue;
    }
    let s = owner.first;
    for (let b = owner.first - 1; b >= first; b--) {
      const o = ctx.owner[b];
      if (o && !(isCountry(o) && o.form === 'demonym')) {
        s = o.first;
        b = o.first;
        continue;
      }
      if (!wordLists.sanctions.listGlue.has(words[b].lower)) break;
    }
    const list = partyList(ctx, s, owner.last, NO_DEFAULTS).filter((p) => p !== 'RU');
    if (list.length > 0) return list.map((value) => ({ value, rule: 'sanction.imposer.subject' }));
    const single = donorOfParty(ctx, partyEndingAt(ctx, owner.last - 1, null), NO_DEFAULTS);
    if (single && single !== 'RU') return [{ value: single, rule: 'sanction.imposer.subject' }];
    const home = isOrg(owner) ? datelineState(ctx) : undefined;
    if (home) return [{ value: home, rule: 'sanction.imposer.dateline-office' }];
    // "Japan, which has chastised the Russian Federation, has imposed …": the target in a relative clause acts not; look further back
    j = s;
  }
  return [];
}

function targetOf(ctx: ArticleContext, view: TokenView, trigger: Match, end: number, imposers: Role[], russia: boolean, previous: Measure | null): Role {
  const own = new Set(imposers.map((i) => i.value));
  for (const p of TARGETS) {
    for (const m of p.findAll(view, trigger.start, end)) {
      const c = m.captures.target;
      const o = c ? ctx.owner[c.start] : undefined;
      if (isCountry(o) && !own.has(o.code)) return { value: o.code, rule: m.id };
      // "sanctions on Rosneft", "sanctioned Gennady Timchenko": a named company, bank or person
      const named = isPerson(o) ? o.person.name : isOrg(o) ? ctx.orgs.get(o.key) : undefined;
      if (typeof named === 'string') return { value: named, rule: m.id };
      if (named && !TARGET_NOT_NAMED_KINDS.has(named.kind ?? '') && !own.has(named.name)) return { value: named.name, rule: m.id };
    }
  }
  if (previous?.target.value) return { value: previous.target.value, rule: 'sanction.target.previous-measure' };
  return russia ? { value: 'RU', rule: 'sanction.target.article-default' } : { value: null, rule: null };
}

function countOf(ctx: ArticleContext, m: Match): number | null {
  const c = m.captures.count;
  if (!c) return null;
  const text = ctx.words[c.start].lower;
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(text)) return Number(text.replace(/,/g, ''));
  return EXACT_WORDS.has(text) ? NUMBER_WORDS[text] : null;
}

/** A short description: the numbered package, or the trigger's kind of measure (else its words), with what a count lists. */
function describe(ctx: ArticleContext, trigger: Match, count: Match | null): string {
  const words = (from: number, to: number) => ctx.text.slice(ctx.words[from].start, ctx.words[to - 1].end);
  const ordinal = trigger.captures.ordinal;
  const noun = count?.captures.noun ? words(count.captures.noun.start, count.captures.noun.end).toLowerCase() : null;
  const template = ordinal ? `${words(ordinal.start, ordinal.end)} sanctions package[: {noun}]` : measureOf(trigger) ?? `${words(trigger.start, trigger.end).toLowerCase()}[: {noun}]`;
  return template.replace(/\[([^\]]*)\]/, (_, part: string) => (noun ? part.replace('{noun}', noun) : ''));
}

/** The kind of measure a trigger names, as a template (`[ on {noun}]` is filled by what a count lists). */
const measureOf = (trigger: Match) => sanctionPatterns.spec(trigger.id)?.measure;

/**
 * A headline, a quote and the body often name the same measure: one row per imposer, target,
 * trigger and count, where a trigger's variants (noun or verb, numbered or not) count as one.
 */
function dedupe(sanctions: Sanction[]): Sanction[] {
  const seen = new Set<string>();
  return sanctions.filter((s) => {
    const key = `${s.imposer}|${s.target}|${s.count ?? s.rules.trigger.replace(patterns.sanctions.triggerVariants, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
