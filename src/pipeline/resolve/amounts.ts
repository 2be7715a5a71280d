// Amounts in running text → base units: "€190m" → 190000000 EUR, "1.3 billion euros",
// "SEK 75bn", "¥15.8 billion", "0.25 percent of its GDP", "1,000 … systems", "25,000 troops".
import { currencies, itemNouns, patterns, sharedCurrencyNames, singleItemNouns, troopNouns, wordLists } from '../../lexicons/index.js';

export type QuantityKind = 'money' | 'gdp' | 'items' | 'troops';

export interface Quantity {
  kind: QuantityKind;
  value: number;
  /** ISO 4217 code for money, `%GDP`, `units` or `troops`. */
  unit: string;
  /** A currency name several states use ("$", "crowns"), as written: the donor's own currency may be meant. */
  sharedName: string | null;
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
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24, hundreds: 200,
};
const NUMBER_WORD_HINT = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'i');
const VAGUE_BEFORE = patterns.amounts.vagueBefore;
const QUALIFIER = patterns.amounts.qualifier;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const symbolToCode = new Map<string, string>();
const wordToCode = new Map<string, string>();
for (const c of currencies) {
  for (const s of c.symbols) symbolToCode.set(s, c.code);
  for (const w of c.words) wordToCode.set(w, c.code);
}
const SYMBOLS_LONGEST_FIRST = [...symbolToCode.keys()].sort((a, b) => b.length - a.length);
const WORDS = [...wordToCode.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');
const MAG = String.raw`thousand|million|mln|mn|billion|bln|bn|trillion|trn|tn|[mbk](?![a-z])`;
const COUNTED = [...itemNouns, ...troopNouns].sort((a, b) => b.length - a.length).map(esc).join('|');

// Numbers are found first; the words around each one say what it counts. A plain space is
// no thousands separator here: "500,000 155 mm shells" is two numbers.
const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)/g;
const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');
// the magnitudes spelled out in full ("two billion"), not their abbreviations ("2bn")
const SPELLED_MAGNITUDE = new RegExp(String.raw`\s+(${Object.keys(MAGNITUDES).filter((m) => m.length > 4).join('|')})(?![\p{L}])`, 'iuy');
const WHOLE_BEFORE_MAGNITUDE = patterns.amounts.wholeBeforeMagnitude;
const HALF_BEFORE_MAGNITUDE = patterns.amounts.halfBeforeMagnitude;
// sticky patterns, tried right after a number
const MAGNITUDE = new RegExp(String.raw`[\s-]?(${MAG})(?![\p{L}\d])`, 'iuy');
const NOT_GLUED = /(?![\p{L}\d])/uy;
// "0.25 percent of its GDP", "2% of GDP", "0.25 per cent of Lithuania's gross domestic product"
const GDP_AFTER = patterns.amounts.gdpAfter;
const PERCENT_BEFORE_GDP = patterns.amounts.percentBeforeGdp;
const ELIDED_AFTER = patterns.amounts.afterElidedAmount;
// "190 million euros", "15.8-billion-yen", "400,00 euros"
const CURRENCY_AFTER = new RegExp(String.raw`[\s-](${WORDS})(?![\p{L}])`, 'iuy');
// "49 aging American-made Abrams tanks", "500,000 155 mm shells", "1.5 million rounds", "two family homes"
const alternatives = (words: ReadonlySet<string>) => [...words].map(esc).join('|');
// "about 50 of its infantry fighting vehicles": the count may reach its noun through "of its"
const COUNTED_AFTER = new RegExp(
  String.raw`(?:\s+of\s+(?:${alternatives(wordLists.amounts.possessiveOpeners)}))?\s+((?:\d+\s?mm\s+)?(?:(?!(?:${alternatives(wordLists.amounts.countBreakers)})\s)[\p{L}\d-]+\s+){0,4}?)(${COUNTED})(?![\p{L}])`,
  'iuy',
);
// "100 to 200 troops", "50-100 vehicles": a range counts from its lower bound (the annotation guide's rule)
const RANGE_END = new RegExp(String.raw`\s*(?:${alternatives(wordLists.amounts.rangeJoiners)})\s*\d[\d,.]*`, 'iy');
// "a Patriot system", "an air defence system": one, unless a list or a measure follows ("a system of guarantees")
const ONE_ITEM = new RegExp(String.raw`\b(?:${alternatives(wordLists.amounts.singleArticles)})\b`, 'gi');
const SINGLE_COUNTED_AFTER = new RegExp(String.raw`\s+((?:(?!(?:${alternatives(wordLists.amounts.countBreakers)})\s)[\p{L}\d-]+\s+){0,3}?)(${alternatives(singleItemNouns)})(?![\p{L}])(?!\s+of\b)`, 'iuy');

/** Parses "1,000", "2,5", "3.5", "400,00" (a slip for 400,000) as numbers. */

/** A figure times its magnitude in base units, without the binary float's tail (32.2 million is 32200000, not 32200000.000000004). */
const scaled = (value: number, magnitude: number) => Number((value * magnitude).toPrecision(15));
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

/** All quantities in `text`, with offsets relative to `base`. */
export function findQuantities(text: string, base = 0): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const q = readNumber(text, m.index, m[0]) ?? elidedCurrency(text, m.index, m[0], found[found.length - 1]);
    if (q) found.push(q);
  }
  for (const m of text.matchAll(ONE_ITEM)) {
    SINGLE_COUNTED_AFTER.lastIndex = m.index + m[0].length;
    const item = SINGLE_COUNTED_AFTER.exec(text);
    if (item) found.push({ kind: 'items', value: 1, unit: 'units', sharedName: null, qualifier: null, item: `${item[1]}${item[2]}`.trim(), start: m.index, end: SINGLE_COUNTED_AFTER.lastIndex, conversion: false });
  }
  found.sort((a, b) => a.start - b.start);
  if (NUMBER_WORD_HINT.test(text)) {
    for (const m of text.matchAll(NUMBER_WORD)) {
      // "several hundred missiles" gives no number
      if (VAGUE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
      const q = readSpelled(text, m.index, m.index + m[0].length, NUMBER_WORDS[m[0].toLowerCase()]);
      if (q) found.push(q);
    }
  }
  // "a billion crowns", "half a million rounds"
  for (const [pattern, value] of [[WHOLE_BEFORE_MAGNITUDE, 1], [HALF_BEFORE_MAGNITUDE, 0.5]] as const) {
    for (const m of text.matchAll(pattern)) {
      const q = readSpelled(text, m.index, m.index + m[0].length, value);
      if (q) found.push(q);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const out = withoutOverlaps(found);
  // "€375 million ($439 million)": the amount in parentheses restates the one before it
  for (let i = 1; i < out.length; i++) {
    const between = text.slice(out[i - 1].end, out[i].start);
    if (out[i - 1].kind === 'money' && out[i].kind === 'money' && patterns.amounts.conversionOpeners.test(between)) out[i].conversion = true;
  }
  for (const q of out) {
    q.start += base;
    q.end += base;
  }
  return out;
}

/** What the number at `at` measures: money (a sign, code or currency word), a share of GDP, or a count. */
function readNumber(text: string, at: number, raw: string): Quantity | undefined {
  const symbol = symbolBefore(text, at);
  let end = at + raw.length;
  MAGNITUDE.lastIndex = end;
  const mag = MAGNITUDE.exec(text);
  if (mag) end = MAGNITUDE.lastIndex;
  const magnitude = mag ? MAGNITUDES[mag[1].toLowerCase()] : 1;
  const value = parseNumber(raw, mag !== null);
  if (symbol) {
    NOT_GLUED.lastIndex = end;
    if (!NOT_GLUED.test(text)) return undefined;
    return {
      kind: 'money', value: scaled(value, magnitude), unit: symbol.code, sharedName: symbol.text in sharedCurrencyNames ? symbol.text : null, qualifier: qualifierBefore(text, symbol.start),
      item: null, start: symbol.start, end, conversion: false,
    };
  }
  // a number glued to letters ("CV90", "F16") or hyphened to them ("F-16", "MiG-29") is part of a name
  if (/\p{L}-?$/u.test(text.slice(Math.max(0, at - 2), at))) return undefined;
  const qualifier = qualifierBefore(text, at);
  GDP_AFTER.lastIndex = at + raw.length;
  if (!mag && GDP_AFTER.test(text)) {
    return { kind: 'gdp', value: parseNumber(raw, true), unit: '%GDP', sharedName: null, qualifier, item: null, start: at, end: GDP_AFTER.lastIndex, conversion: false };
  }
  // "2.1% and 1.7% of GDP": a share listed before one of GDP is one too
  PERCENT_BEFORE_GDP.lastIndex = at + raw.length;
  if (!mag && PERCENT_BEFORE_GDP.test(text)) {
    return { kind: 'gdp', value: parseNumber(raw, true), unit: '%GDP', sharedName: null, qualifier, item: null, start: at, end: PERCENT_BEFORE_GDP.lastIndex, conversion: false };
  }
  CURRENCY_AFTER.lastIndex = end;
  const currency = CURRENCY_AFTER.exec(text);
  const name = currency?.[1].toLowerCase();
  const code = name ? wordToCode.get(name) : undefined;
  if (name && code) {
    return { kind: 'money', value: scaled(value, magnitude), unit: code, sharedName: name in sharedCurrencyNames ? name : null, qualifier, item: null, start: at, end: CURRENCY_AFTER.lastIndex, conversion: false };
  }
  // a year is not a count ("in 2024 tanks" is noise)
  if (/^(19|20)\d\d$/.test(raw)) return undefined;
  // "1.5 million rounds": a spelled-out magnitude counts; "5m" before a noun is a measure
  const spelled = mag !== null && /^\s/.test(mag[0]);
  RANGE_END.lastIndex = at + raw.length;
  const range = !spelled && RANGE_END.exec(text);
  if (range) {
    const counted = readCount(text, at, RANGE_END.lastIndex, value, 1);
    if (counted) return counted;
  }
  return readCount(text, at, spelled ? end : at + raw.length, value, spelled ? magnitude : 1);
}

/**
 * "€7.4 billion: one billion paid before the end of 2024, 1.8 billion in investments, 400 million in aid": a magnitude
 * with no currency, soon after an amount of money in the same sentence, is money in that currency.
 */
function elidedCurrency(text: string, at: number, raw: string, previous: Quantity | undefined): Quantity | undefined {
  if (previous?.kind !== 'money' || at - previous.end > 150 || /[.!?]\s/.test(text.slice(previous.end, at))) return undefined;
  MAGNITUDE.lastIndex = at + raw.length;
  const mag = MAGNITUDE.exec(text);
  if (!mag || !/^\s?[a-z]{2,}/i.test(mag[0])) return undefined;
  const end = MAGNITUDE.lastIndex;
  if (!ELIDED_AFTER.test(text.slice(end, end + 16))) return undefined;
  return {
    kind: 'money', value: scaled(parseNumber(raw, true), MAGNITUDES[mag[1].toLowerCase()]), unit: previous.unit, sharedName: previous.sharedName,
    qualifier: qualifierBefore(text, at), item: null, start: at, end, conversion: false,
  };
}

/** A number written in words, with the magnitude and currency or counted noun after it: "two billion euros", "half a million rounds". */
function readSpelled(text: string, at: number, end: number, value: number): Quantity | undefined {
  SPELLED_MAGNITUDE.lastIndex = end;
  const mag = SPELLED_MAGNITUDE.exec(text);
  if (!mag) return readCount(text, at, end, value, 1);
  const magnitude = MAGNITUDES[mag[1].toLowerCase()];
  CURRENCY_AFTER.lastIndex = SPELLED_MAGNITUDE.lastIndex;
  const currency = CURRENCY_AFTER.exec(text);
  const name = currency?.[1].toLowerCase();
  const code = name ? wordToCode.get(name) : undefined;
  const qualifier = qualifierBefore(text, at);
  if (name && code) return { kind: 'money', value: scaled(value, magnitude), unit: code, sharedName: name in sharedCurrencyNames ? name : null, qualifier, item: null, start: at, end: CURRENCY_AFTER.lastIndex, conversion: false };
  return readCount(text, at, SPELLED_MAGNITUDE.lastIndex, value, magnitude);
}

function readCount(text: string, at: number, from: number, number: number, magnitude: number): Quantity | undefined {
  COUNTED_AFTER.lastIndex = from;
  const m = COUNTED_AFTER.exec(text);
  if (!m) return undefined;
  const troops = troopNouns.has(m[2].toLowerCase());
  return {
    kind: troops ? 'troops' : 'items', value: scaled(number, magnitude), unit: troops ? 'troops' : 'units', sharedName: null,
    qualifier: qualifierBefore(text, at), item: troops ? null : `${m[1]}${m[2]}`.trim(), start: at, end: COUNTED_AFTER.lastIndex, conversion: false,
  };
}

/** A currency sign or code right before a number ("€190m", "US$ 50", "EUR1.8"), not the tail of a word. */
function symbolBefore(text: string, at: number): { code: string; text: string; start: number } | undefined {
  const before = text.slice(Math.max(0, at - 5), at);
  const trimmed = before.endsWith(' ') ? before.slice(0, -1) : before;
  for (const sym of SYMBOLS_LONGEST_FIRST) {
    if (!trimmed.endsWith(sym)) continue;
    const start = at - (before.length - trimmed.length) - sym.length;
    if (/[\p{L}\d]/u.test(text[start - 1] ?? '')) continue;
    return { code: symbolToCode.get(sym)!, text: sym, start };
  }
  return undefined;
}

/** Keeps the earlier of two overlapping quantities. */
function withoutOverlaps(sorted: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of sorted) if (out.length === 0 || out[out.length - 1].end <= q.start) out.push(q);
  return out;
}
