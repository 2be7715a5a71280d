// The attributes of a commitment: status from its verb, period and category from the words
// around its amount, whether an amount is support at all, and the span of its evidence.
import type { Category, Period, Status } from '../../facts/types.js';
import { cues, plannedWords, readinessWords, statusOfLemma, patterns, wordLists } from '../../lexicons/index.js';
import type { Quantity } from '../resolve/amounts.js';
import { wordIndexAt, type ArticleContext } from './context.js';
import { decided, type Decision } from './decision.js';
import type { Defaults } from './donors.js';
import { PhraseMatcher } from './phrases.js';

/** Words around an amount that make it a cost, a loss or a stock of assets rather than support. */
const NOT_SUPPORT_BEFORE = patterns.attributes.notSupportBefore;
const NOT_SUPPORT_AFTER = patterns.attributes.notSupportAfter;

interface Anchor {
  start: number;
  end: number;
}


/** The status a verb gives its commitment, and the rule that read it. */
export function statusAt(ctx: ArticleContext, v: number, first: number): Decision<Status> {
  const words = ctx.words;
  const window = words.slice(Math.max(first, v - 6), v + 1).map((w) => w.lower);
  const w = words[v];
  if (window.some((x) => readinessWords.has(x)) || readinessWords.has(w.lower)) return decided('commitment.status.readiness-word', 'ready');
  if (window.some((x) => plannedWords.has(x)) || (ctx.text.slice(words[Math.max(first, v - 6)].start, w.start).match(patterns.attributes.plannedPhrases))) return decided('commitment.status.planned-word', 'planned');
  const lemmaStatus = statusOfLemma.get(w.lemma);
  if (lemmaStatus === 'planned') return decided('commitment.status.planning-verb', 'planned');
  // "offered to send troops": an offer of support is a commitment the donor stands ready to make
  if (lemmaStatus === 'ready') return decided('commitment.status.offer-verb', 'ready');
  const perfect = window.slice(-4).some((x) => wordLists.attributes.perfectAuxiliaries.has(x));
  // "to send" (a headline's future, a purpose) is not a delivery
  const future = window.some((x) => wordLists.attributes.futureAuxiliaries.has(x)) || words[v - 1]?.lower === 'to';
  if (lemmaStatus === 'delivered' && !future) return decided('commitment.status.delivery-verb', 'delivered');
  // passive past: "was built", "have been allocated"
  const aux = window[window.length - 2];
  if (!future && (aux === 'was' || aux === 'were' || aux === 'been') && patterns.attributes.pastParticiples.test(w.lower)) return decided('commitment.status.passive-past', 'delivered');
  if (perfect && !future && wordLists.attributes.givingVerbs.has(w.lemma)) return decided('commitment.status.perfect-giving', 'delivered');
  if (w.lower === 'sent' || w.lower === 'delivered' || w.lower === 'arrived' || w.lower === 'received') return decided('commitment.status.delivery-form', 'delivered');
  return decided('commitment.status.pledge-default', 'pledged');
}

const cueRegex = (list: string[]) => new RegExp(`\\b(?:${list.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`, 'i');
const ANNUAL = cueRegex(cues.annualCues);
const CUMULATIVE = cueRegex(cues.cumulativeCues);
const MULTI_YEAR = cueRegex(cues.multiYearCues);
/** "since February 2022", "since 2014": a running total. */
const SINCE_DATE = patterns.attributes.sinceDate;
const NEXT_YEARS = patterns.attributes.nextYears;

/** The period of an amount from the words around it, and the rule that read it. */
export function periodOf(ctx: ArticleContext, q: Quantity, sentenceStart: number, sentenceEnd: number): Decision<Period> {
  // the rest of the clause: "200 million euros worth of military assistance to Ukraine over the next three years"
  const near = ctx.text.slice(q.end, Math.min(sentenceEnd, q.end + 90)).split(/[;.]/)[0].toLowerCase();
  const before = ctx.text.slice(Math.max(sentenceStart, q.start - 45), q.start).toLowerCase();
  if (ANNUAL.test(near) || /\bannual(ly)?\b/.test(before.slice(-20))) return decided('commitment.period.annual-cue', 'annual');
  if (CUMULATIVE.test(before) || CUMULATIVE.test(near) || SINCE_DATE.test(near) || patterns.attributes.beenGiven.test(near)) return decided('commitment.period.running-total', 'cumulative');
  if (MULTI_YEAR.test(near) || NEXT_YEARS.test(near) || NEXT_YEARS.test(before) || /\b20\d\d\s*[-–]\s*(20)?\d\d\b/.test(near) || patterns.attributes.twoYears.test(near) || MULTI_YEAR.test(before)) return decided('commitment.period.multi-year-cue', 'multi-year');
  return decided('commitment.period.one-off-default', 'one-off');
}

/** Each category keyword, filed under the first category (in this order) that lists it. */
const CATEGORY_ORDER = cues.categoryPrecedence as Array<keyof typeof cues.categories>;
const CATEGORY_KEYWORDS = new PhraseMatcher<Category>();
{
  const seen = new Set<string>();
  for (const category of CATEGORY_ORDER) {
    for (const keyword of cues.categories[category]) if (!seen.has(keyword)) {
      seen.add(keyword);
      CATEGORY_KEYWORDS.add(keyword, category);
    }
  }
}

export function troopCategory(ctx: ArticleContext, first: number, last: number, defaults: Defaults): Decision<Category> {
  const s = ctx.text.slice(ctx.words[first].start, ctx.words[last - 1].end).toLowerCase();
  return defaults.securityContext || patterns.attributes.securityWords.test(s)
    ? decided('commitment.category.troops-for-security', 'security-guarantee')
    : decided('commitment.category.troops', 'military');
}

/** The category the keyword nearest the anchor names, else the article's, and the rule that chose it. */
/** The category an article is about: the one most of its keywords name, if two or more do; else "other". */
export function articleCategory(ctx: ArticleContext): Category {
  const counts = new Map<Category, number>();
  for (let k = 0; k < ctx.words.length; k++) {
    const hit = CATEGORY_KEYWORDS.matchAt(ctx.analysis, k);
    if (!hit) continue;
    counts.set(hit.payload, (counts.get(hit.payload) ?? 0) + 1);
    k = hit.last - 1;
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top && top[1] >= 2 ? top[0] : 'other';
}

export function categoryAt(ctx: ArticleContext, start: number, end: number, sStart: number, sEnd: number, kind: Quantity['kind'] | null, defaults: Defaults): Decision<Category> {
  const fallback = defaults.category;
  if (kind === 'troops') return troopCategory(ctx, wordIndexAt(ctx, sStart), wordIndexAt(ctx, sEnd - 1) + 1, defaults);
  // the keyword nearest to the anchor decides; the whole sentence is the window
  let best: Category | null = null;
  let bestDistance = Infinity;
  for (let k = wordIndexAt(ctx, sStart); k < ctx.words.length && ctx.words[k].start < sEnd; k++) {
    const hit = CATEGORY_KEYWORDS.matchAt(ctx.analysis, k);
    if (!hit) continue;
    const distance = hit.start >= end ? hit.start - end : hit.end <= start ? start - hit.end : 0;
    if (distance < bestDistance) {
      best = hit.payload;
      bestDistance = distance;
    }
    k = hit.last - 1;
  }
  if (best && !(kind === 'items' && best === 'financial')) return decided('commitment.category.nearest-keyword', best);
  return kind === 'items' && !best ? decided('commitment.category.items-default', 'military') : decided('commitment.category.article-default', fallback);
}

// ---------- spans ----------

export function notSupport(ctx: ArticleContext, q: Quantity): boolean {
  const before = ctx.text.slice(Math.max(0, q.start - 40), q.start).replace(patterns.attributes.ownGdpPhrase, '');
  return NOT_SUPPORT_BEFORE.test(before) || NOT_SUPPORT_AFTER.test(ctx.text.slice(q.end, q.end + 60));
}

// "spend 4.7% of GDP on defence", "defence spending of 3.5% of GDP", "NATO's 5% target": a state's own budget, with no recipient
const OWN_SPENDING_BEFORE = patterns.attributes.ownSpendingBefore;
const OWN_SPENDING_AFTER = patterns.attributes.ownSpendingAfter;
const FOR_UKRAINE = patterns.attributes.forUkraine;

export function ownDefenceSpending(ctx: ArticleContext, q: Quantity): boolean {
  // "the UK's defence spending will increase immediately and then rise steadily to reach £87 billion"
  const before = ctx.text.slice(Math.max(0, q.start - 100), q.start);
  const after = ctx.text.slice(q.end, q.end + 50);
  if (FOR_UKRAINE.test(after.split(/[,.;]/)[0]) || FOR_UKRAINE.test(before.split(/[,.;]/).pop() ?? '')) return false;
  return OWN_SPENDING_BEFORE.test(before) || OWN_SPENDING_AFTER.test(after);
}

export function evidenceSpan(ctx: ArticleContext, q: Quantity, trigger: number | undefined): Anchor {
  let start = q.start;
  let end = q.end;
  if (trigger !== undefined) {
    const t = ctx.words[trigger];
    start = Math.min(start, t.start);
    end = Math.max(end, t.end);
  }
  // carry on to the end of "to Ukraine" / "for Ukraine" / "per year" right after the amount
  const tail = patterns.attributes.evidenceTail.exec(ctx.text.slice(end, end + 80));
  if (tail) end += tail[0].length;
  return { start, end };
}

export function clauseEnd(ctx: ArticleContext, t: number, last: number): number {
  let k = t + 1;
  while (k < last && !/^[;:.!?]$/.test(ctx.words[k].text) && k - t < 18) {
    if (ctx.words[k].text === ',' && k - t > 4) break;
    k++;
  }
  // a closing quote mark ends the quoted clause, and stays out of the evidence
  while (k - 1 > t && /^["“”«»„’']+$/.test(ctx.words[k - 1].text)) k--;
  return ctx.words[Math.max(t, k - 1)].end;
}

