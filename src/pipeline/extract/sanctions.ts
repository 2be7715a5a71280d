// Sanctions: a measure adopted or announced (a package, listings, an asset freeze, a ban),
// its imposer, its target and the number of listings attached to it.
import type { Sanction } from '../../facts/types.js';
import { sanctionCountNouns } from '../../lexicons/index.js';
import { NUMBER_WORDS } from '../resolve/amounts.js';
import type { ArticleContext } from './context.js';
import { isCountry, isOrg } from './context.js';
import { evidenceAt } from './evidence.js';
import { donorOfParty, partyList, type Defaults } from './commitments.js';
import { partyEndingAt } from './parties.js';

const MEASURE = /\b(?:(\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|latest|biggest|largest)\s+)?(?:(?:round|raft|set|package|wave)\s+of\s+sanctions|sanctions\s+package)\b/i;
const ADOPTION = /\b(impos\w*|adopt\w*|agree\w*|approv\w*|unveil\w*|announc\w*|introduc\w*|blacklist\w*|designat\w*|froze|freez(?:e|es|ing)|listed|list|ban\w*|barr\w*|targeting|targets?|unleash\w*|slapp?\w*|restrictions on|sanctioned)\b/i;
/** Calls, debates and liftings are not measures. */
const NOT_A_MEASURE = /\b(urg\w*|call\w* for|should|must|need\w*|toughen\w*|strengthen\w*|ramp\w*|lift\w*|eas\w*|further sanctions|pressure|threaten\w*|could face|would face|subject to|evad\w*|circumvent\w*|will (?:likely )?involve)\b/i;
/** Spelled numbers that count exactly ("two Russian banks"), not the vague ones ("dozens"). */
const EXACT_WORDS = Object.keys(NUMBER_WORDS).filter((w) => !/s$|^hundred$|^dozen$/.test(w));
// "105 more vessels", "100 oil tankers", "189 shadow fleet vessels": up to two words between the number and the noun
const COUNT = new RegExp(
  String.raw`(?<![\d.,])\b(\d{1,3}(?:,\d{3})+|\d+|${EXACT_WORDS.join('|')})\s+(?:(?!(?:of|in|to|and|or|the|a|an|by|for|from|on|at|since|per|than)\s)[\p{L}-]+\s+){0,2}?(${[...sanctionCountNouns].join('|')})\b`,
  'giu',
);
const ORDINAL_PACKAGE = /\b(\d+(?:st|nd|rd|th))\s+(?:sanctions\s+package|package\s+of\s+sanctions|package)\b/i;

interface PreviousMeasure {
  imposer: string | null;
  target: string | null;
  measure: string;
}

export function extractSanctions(ctx: ArticleContext): Sanction[] {
  const out: Sanction[] = [];
  const russiaMentioned = ctx.countryMentions.some((m) => m.code === 'RU');
  // held in an object: the measure before carries over to sentences that continue it
  const previous: { measure: PreviousMeasure | null } = { measure: null };
  let packageName: string | null = null;
  const defaults: Defaults = { recipient: null, donor: null, coalition: null, category: 'other', securityContext: false };
  for (const sentence of ctx.analysis.sentences) {
    const prev = previous.measure;
    ctx.deadline.check('sanctions');
    const text = ctx.text.slice(sentence.start, sentence.end);
    const sanctionWord = /\bsanction|blacklist|asset freeze|froze\b|restrictions on|barring entry|entry ban|\bbans? on (?:imports|exports|the import|the export)|\b(?:import|export) bans?\b|\bembargo/i.test(text);
    if (!sanctionWord && !(prev && COUNT.test(text))) continue;
    COUNT.lastIndex = 0;
    const measure = MEASURE.exec(text);
    const adoption = ADOPTION.exec(text);
    if (!adoption && !measure) continue;
    if (NOT_A_MEASURE.test(text.slice(0, adoption ? adoption.index + 40 : text.length)) && !measure) continue;
    if (/\?/.test(text)) continue;
    const ordinal = ORDINAL_PACKAGE.exec(text);
    if (ordinal) packageName = `${ordinal[1]} sanctions package`;
    const anchor = adoption ?? measure;
    const at = sentence.start + (anchor?.index ?? 0);
    const imposers = imposersBefore(ctx, sentence.first, at, defaults);
    const continuing: boolean = imposers.length === 0 && prev !== null && !measure;
    const imposerList: Array<string | null> = imposers.length > 0 ? imposers : [prev?.imposer ?? null];
    const target: string | null = targetIn(ctx, sentence.first, sentence.last) ?? (continuing ? prev?.target ?? null : russiaMentioned ? 'RU' : null);
    const counts = [...text.matchAll(COUNT)].filter((m) => !/\b(?:since|in)\s*$/.test(text.slice(0, m.index)));
    const baseMeasure = ordinal ? `${ordinal[1]} sanctions package` : measure ? measure[0] : describe(text, adoption);
    if (counts.length === 0) {
      if (continuing) continue;
      for (const imposer of imposerList) {
        out.push({ imposer, target, measure: baseMeasure, count: null, evidence: evidenceAt(ctx, sentence.start, sentence.end, 'sanction.measure') });
      }
    } else {
      counts.forEach((m, i) => {
        const count = /^\d/.test(m[1]) ? Number(m[1].replace(/,/g, '')) : NUMBER_WORDS[m[1].toLowerCase()];
        const measureText = i === 0 && (ordinal || measure) ? baseMeasure : `${describeCount(m[2])}${packageName && continuing ? ` (${packageName})` : ''}`;
        const start = sentence.start + m.index;
        for (const imposer of imposerList) {
          out.push({ imposer, target, measure: measureText, count, evidence: evidenceAt(ctx, start, start + m[0].length, 'sanction.count') });
        }
      });
    }
    previous.measure = { imposer: imposerList[0], target, measure: baseMeasure };
  }
  return dedupe(out);
}

/** A headline, a quote and the body often name the same package: keep its counted rows, else one row. */
function dedupe(sanctions: Sanction[]): Sanction[] {
  const counted = new Set(sanctions.filter((s) => s.count !== null).map((s) => `${s.imposer}|${s.target}`));
  const seen = new Set<string>();
  return sanctions.filter((s) => {
    const party = `${s.imposer}|${s.target}`;
    if (s.count === null && counted.has(party)) return false;
    const key = `${party}|${s.count ?? s.measure}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function imposersBefore(ctx: ArticleContext, first: number, at: number, defaults: Defaults): string[] {
  const words = ctx.words;
  let k = first;
  while (k < words.length && words[k].start < at) k++;
  for (let j = k - 1; j >= first; j--) {
    const owner = ctx.owner[j];
    if (!owner) continue;
    const before = words[owner.first - 1]?.lower ?? '';
    if (['against', 'on', 'to', 'of', 'in', 'from', 'with'].includes(before)) {
      j = owner.first;
      continue;
    }
    if (isCountry(owner) && owner.form === 'demonym') {
      j = owner.first;
      continue;
    }
    // the subject list starts at the first party of the clause
    let s = owner.first;
    for (let b = owner.first - 1; b >= first; b--) {
      const o = ctx.owner[b];
      if (o && (isCountry(o) || isOrg(o))) {
        s = o.first;
        b = o.first;
        continue;
      }
      if (![',', 'and', 'the', 'countries', 'states', 'members'].includes(words[b].lower)) break;
    }
    const list = partyList(ctx, s, k, defaults);
    if (list.length > 0) return list;
    const single = donorOfParty(ctx, partyEndingAt(ctx, owner.last - 1, null), defaults);
    return single ? [single] : [];
  }
  return [];
}

function targetIn(ctx: ArticleContext, first: number, last: number): string | null {
  for (let k = first; k < last; k++) {
    const o = ctx.owner[k];
    if (isCountry(o) && ['against', 'on'].includes(ctx.words[o.first - 1]?.lower ?? '')) return o.code;
  }
  return null;
}

function describe(text: string, adoption: RegExpExecArray | null): string {
  if (/asset|froze|freez/i.test(text)) return 'asset freeze';
  if (/entry|visa/i.test(text) && /bar|ban/i.test(text)) return 'entry ban';
  if (/\bembargo/i.test(text)) return 'embargo';
  const trade = /\b(?:bans? on (?:the )?(imports?|exports?)|(import|export) bans?)\b/i.exec(text);
  if (trade) return `${(trade[1] ?? trade[2]).toLowerCase().replace(/s$/, '')} ban`;
  return adoption ? `sanctions (${adoption[0].toLowerCase()})` : 'sanctions';
}

function describeCount(noun: string): string {
  return `listing of ${noun.toLowerCase()}`;
}
