// Amounts in running text → base units: "€190m" → 190000000 EUR, "1.3 billion euros",
// "SEK 75bn", "¥15.8 billion", "0.25 percent of its GDP", "1,000 … systems", "25,000 troops".
import { currencies, itemNouns, troopNouns } from '../../lexicons/index.js';

export type QuantityKind = 'money' | 'gdp' | 'items' | 'troops';

export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** ISO 4217 code for money, `%GDP`, `units` or `troops`. */
  unit: string;
  /** A bare "$" whose dollar may be the donor's own (AUD, CAD …) rather than USD. */
  bareDollar: boolean;
  qualifier: string | null;
  item: string | null;
  start: number;
  end: number;
  /** An equivalent in another currency, in parentheses after an amount: "(€272 million)". */
  conversion: boolean;
}

const MAGNITUDES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mln: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bln: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12,
};
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24, hundreds: 200,
};
const NUMBER_WORD_HINT = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'i');
const QUALIFIER = /(at least|up to|about|around|almost|nearly|more than|over|approximately|some|roughly|as many as|as much as|less than|under|an additional|a further|another)\s+$/i;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const symbolToCode = new Map<string, string>();
const wordToCode = new Map<string, string>();
for (const c of currencies) {
  for (const s of c.symbols) symbolToCode.set(s, c.code);
  for (const w of c.words) wordToCode.set(w, c.code);
}
const SYMBOLS = [...symbolToCode.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
const WORDS = [...wordToCode.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
// a plain space is no thousands separator here: "500,000 155 mm shells" is two numbers
const NUM = String.raw`\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?`;
const MAG = String.raw`thousand|million|mln|mn|billion|bln|bn|trillion|trn|tn|[mbk](?![a-z])`;

// "€ 190m", "US$50 billion", "EUR1.8 billion", "SEK 75bn"
const MONEY_PREFIX = new RegExp(String.raw`(?<![\p{L}\d])(${SYMBOLS})\s?(${NUM})(?:[\s-]?(${MAG}))?(?![\p{L}\d])`, 'giu');
// "190 million euros", "15.8-billion-yen", "400,00 euros"
const MONEY_SUFFIX = new RegExp(String.raw`(?<![\p{L}\d.,])(${NUM})(?:[\s-]?(${MAG}))?[\s-](${WORDS})(?![\p{L}])`, 'giu');
// "0.25 percent of its GDP", "2% of GDP", "0.25 per cent of Lithuania's gross domestic product"
const GDP = new RegExp(String.raw`(?<![\d.])(${NUM})\s?(?:%|percent|per cent)\s+of\s+(?:(?:its|their|the country['’]s|[\p{Lu}][\p{L}]+['’]s?|the)\s+)?(?:annual\s+)?(?:GDP|gross domestic product)`, 'giu');
// "49 aging American-made Abrams tanks", "500,000 155 mm shells", "1.5 million rounds", "two family homes"
const COUNTED = [...itemNouns, ...troopNouns].sort((a, b) => b.length - a.length).map(esc).join('|');
const COUNTED_HINT = new RegExp(`\\b(?:${COUNTED})\\b`, 'i');
const COUNT = new RegExp(String.raw`(?<![\p{L}\d.,$€£¥])(${NUM}|${Object.keys(NUMBER_WORDS).join('|')})(?:\s(${MAG}))?\s+((?:\d+\s?mm\s+)?(?:(?!(?:to|of|in|on|at|for|by|with|from|and|or|the|a|an|than|per)\s)[\p{L}\d-]+\s+){0,4}?)(${COUNTED})(?![\p{L}])`, 'giu');

/** Parses "1,000", "2,5", "3.5", "400,00" (a slip for 400,000) as numbers. */
export function parseNumber(raw: string, hasMagnitude: boolean): number {
  const s = raw.replace(/[\u00a0\u202f]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  const comma = /^(\d+),(\d+)$/.exec(s);
  if (comma) {
    if (comma[2].length === 3) return Number(comma[1] + comma[2]);
    // a decimal comma before a magnitude ("€2,5 million"); otherwise a mistyped thousands group
    return hasMagnitude ? Number(`${comma[1]}.${comma[2]}`) : Number(comma[1]) * 1000;
  }
  return Number(s);
}

function qualifierBefore(text: string, at: number): string | null {
  const m = QUALIFIER.exec(text.slice(Math.max(0, at - 16), at));
  return m ? m[1].toLowerCase() : null;
}


/** All quantities in `text` (a sentence), with offsets relative to `base`. */
export function findQuantities(text: string, base = 0): Quantity[] {
  const digits = /\d/.test(text);
  if (!digits && !NUMBER_WORD_HINT.test(text)) return [];
  // Each pattern yields matches in text order; a later pattern's match that overlaps an
  // earlier one's is dropped ("0.25 percent of GDP" is not also a count).
  let found: Quantity[] = [];
  const stage = (matches: Quantity[]) => {
    found = mergeWithoutOverlap(found, matches);
  };
  const q = (fields: Omit<Quantity, 'conversion'>): Quantity => ({ ...fields, conversion: false });
  if (digits && /GDP|gross domestic/i.test(text)) {
    stage([...text.matchAll(GDP)].map((m) => q({
      kind: 'gdp', value: parseNumber(m[1], true), unit: '%GDP', bareDollar: false, qualifier: qualifierBefore(text, m.index), item: null,
      start: base + m.index, end: base + m.index + m[0].length,
    })));
  }
  if (digits) {
    const prefixed: Quantity[] = [];
    for (const m of text.matchAll(MONEY_PREFIX)) {
      const code = symbolToCode.get(m[1]) ?? symbolToCode.get(m[1].toUpperCase());
      if (!code) continue;
      const magnitude = m[3] ? MAGNITUDES[m[3].toLowerCase()] : 1;
      prefixed.push(q({
        kind: 'money', value: parseNumber(m[2], !!m[3]) * magnitude, unit: code, bareDollar: m[1] === '$', qualifier: qualifierBefore(text, m.index),
        item: null, start: base + m.index, end: base + m.index + m[0].length,
      }));
    }
    stage(prefixed);
    const suffixed: Quantity[] = [];
    for (const m of text.matchAll(MONEY_SUFFIX)) {
      const code = wordToCode.get(m[3].toLowerCase());
      if (!code) continue;
      const magnitude = m[2] ? MAGNITUDES[m[2].toLowerCase()] : 1;
      suffixed.push(q({
        kind: 'money', value: parseNumber(m[1], !!m[2]) * magnitude, unit: code, bareDollar: false, qualifier: qualifierBefore(text, m.index),
        item: null, start: base + m.index, end: base + m.index + m[0].length,
      }));
    }
    stage(suffixed);
  }
  if (COUNTED_HINT.test(text)) {
    const counted: Quantity[] = [];
    for (const m of text.matchAll(COUNT)) {
      const head = m[4].toLowerCase();
      const troops = troopNouns.has(head);
      // a year is not a count ("in 2024 tanks" is noise)
      if (/^(19|20)\d\d$/.test(m[1])) continue;
      const number = NUMBER_WORDS[m[1].toLowerCase()] ?? parseNumber(m[1], !!m[2]);
      counted.push(q({
        kind: troops ? 'troops' : 'items', value: number * (m[2] ? MAGNITUDES[m[2].toLowerCase()] : 1), unit: troops ? 'troops' : 'units',
        bareDollar: false, qualifier: qualifierBefore(text, m.index), item: troops ? null : `${m[3]}${m[4]}`.trim(),
        start: base + m.index, end: base + m.index + m[0].length,
      }));
    }
    stage(counted);
  }
  // "€375 million ($439 million)": the amount in parentheses restates the one before it
  for (let i = 1; i < found.length; i++) {
    const between = text.slice(found[i - 1].end - base, found[i].start - base);
    if (found[i - 1].kind === 'money' && found[i].kind === 'money' && /^\s*\(\s*(?:about|around|some|approximately|roughly|or)?\s*$/.test(between)) found[i].conversion = true;
  }
  return found;
}

/** Both lists in text order; keeps every `kept` item and each `added` item that overlaps none of them. */
function mergeWithoutOverlap(kept: Quantity[], added: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  let k = 0;
  for (const a of added) {
    while (k < kept.length && kept[k].end <= a.start) out.push(kept[k++]);
    if (k < kept.length && kept[k].start < a.end) continue;
    out.push(a);
  }
  while (k < kept.length) out.push(kept[k++]);
  return out;
}
