import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import { cues, wordLists, patterns } from '../../lexicons/index.js';

export interface Dateline {
  place: string;
  start: number;
  end: number;
}

/** A stretch of normalized text copied unchanged from `[sourceStart, sourceStart + length)` of the input. */
export interface OffsetSegment {
  start: number;
  sourceStart: number;
  length: number;
}

export interface NormalizedArticle {
  text: string;
  title: string | null;
  format: 'text' | 'html';
  dateline: Dateline | null;
  /** Maps normalized offsets back to the input; empty for HTML, whose markup has no counterpart. */
  offsetMap: OffsetSegment[];
}

export class NormalizeError extends Error {}

const HTML_SIGNS = patterns.normalize.htmlSigns;
const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,figcaption,td,dd';
const MAX_FURNITURE_LENGTH = 120;

/** Whether an input looks like markup rather than plain text. */
export function looksLikeHtml(input: string): boolean {
  return HTML_SIGNS.test(input.slice(0, 5000));
}

/** Plain text or HTML → clean text with an offset map, page furniture removed, the dateline found. */
export function normalize(input: string): NormalizedArticle {
  if (looksLikeHtml(input)) {
    const { text, title } = htmlToText(input);
    const cleaned = stripFurniture(stripInvisible(text).text);
    return { text: cleaned.text, title, format: 'html', dateline: findDateline(cleaned.text), offsetMap: [] };
  }
  const visible = stripInvisible(input);
  const cleaned = stripFurniture(visible.text);
  return {
    text: cleaned.text,
    title: null,
    format: 'text',
    dateline: findDateline(cleaned.text),
    offsetMap: composeSegments(cleaned.segments, visible.segments),
  };
}

/**
 * Characters that show nothing but change what is read: zero-width spaces and joiners, the soft
 * hyphen, bidi marks, embeddings, overrides and isolates, the byte-order mark, stray control
 * characters, and the carriage return of a CRLF line end. "€3\u200b0 million" reads as €30 million.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\r(?=\n)/g;
/** Line and page separators that stand for a line break, one character for one. */
const OTHER_BREAKS = /[\r\u000b\u000c\u2028\u2029]/g;

/** Removes invisible characters; the segments map the result back to the input. */
function stripInvisible(input: string): { text: string; segments: OffsetSegment[] } {
  const segments: OffsetSegment[] = [];
  let text = '';
  let from = 0;
  for (const m of input.matchAll(INVISIBLE)) {
    if (m.index > from) {
      segments.push({ start: text.length, sourceStart: from, length: m.index - from });
      text += input.slice(from, m.index);
    }
    from = m.index + m[0].length;
  }
  if (from < input.length) {
    segments.push({ start: text.length, sourceStart: from, length: input.length - from });
    text += input.slice(from);
  }
  return { text: text.replace(OTHER_BREAKS, '\n'), segments };
}

/** Maps through two steps at once: `outer` maps the output into the middle text, `inner` the middle text into the input. */
export function composeSegments(outer: OffsetSegment[], inner: OffsetSegment[]): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  let k = 0;
  for (const o of outer) {
    let pos = o.sourceStart;
    const end = o.sourceStart + o.length;
    while (k < inner.length && inner[k].start + inner[k].length <= pos) k++;
    for (let j = k; j < inner.length && pos < end; j++) {
      const seg = inner[j];
      if (seg.start >= end) break;
      const from = Math.max(pos, seg.start);
      const to = Math.min(end, seg.start + seg.length);
      if (to > from) out.push({ start: o.start + (from - o.sourceStart), sourceStart: seg.sourceStart + (from - seg.start), length: to - from });
      pos = to;
    }
  }
  return out;
}

/** A page, or a fragment such as a feed item's `<p>…</p>`, which is read as the body of a page. */
/** linkedom, loaded on the first HTML input: plain-text and JSON-lines runs never pay its start-up (a sixth of a second). */
let linkedom: typeof import('linkedom') | undefined;
const parseHTML = (html: string) => (linkedom ??= createRequire(import.meta.url)('linkedom') as typeof import('linkedom')).parseHTML(html);

function htmlToText(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(/<body[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  if (!document.body || document.body.textContent?.trim() === '') {
    throw new NormalizeError('HTML has no body text');
  }
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const container = article?.content ? parseHTML(`<html><body>${article.content}</body></html>`).document.body : document.body;
  const blocks = [...container.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const parts = (blocks.length > 0 ? blocks : [container]).map((el) => squeeze(el.textContent ?? '')).filter((t) => t.length > 0);
  const text = parts.join('\n');
  if (text.trim() === '') throw new NormalizeError('HTML has no readable article text');
  return { text, title: article?.title ?? (document.title || null) };
}

function squeeze(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, ' ').trim();
}

/** Drops whole lines that are page furniture (cookie notices, share buttons, "Read more"). */
function stripFurniture(text: string): { text: string; segments: OffsetSegment[] } {
  const lines = text.split('\n');
  const kept: string[] = [];
  const segments: OffsetSegment[] = [];
  let sourceOffset = 0;
  let outLength = 0;
  for (const line of lines) {
    if (!isFurniture(line)) {
      if (kept.length > 0) outLength += 1; // the joining newline
      segments.push({ start: outLength, sourceStart: sourceOffset, length: line.length });
      kept.push(line);
      outLength += line.length;
    }
    sourceOffset += line.length + 1;
  }
  return { text: kept.join('\n').trimEnd(), segments };
}

function isFurniture(line: string): boolean {
  const t = line.trim().toLowerCase();
  if (t === '') return false;
  if (t.length > MAX_FURNITURE_LENGTH) return false;
  if (patterns.normalize.pageFurniture.test(t)) return true;
  return cues.boilerplate.some((cue) => t.includes(cue));
}

const DATELINE = /^\s*([A-Z][A-Z .'’-]{2,40}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*[A-Z][a-z]+\.? \d{1,2})?(?:\s*\([^)]{1,40}\))?\s*(?:[-–—•:]\s+|\n)/;

/**
 * "VILNIUS - …", "Kyiv • UNN", "WASHINGTON (dpa-AFX) - …", "TOKYO, March 12 (Reuters) - …", or a
 * first line holding only a city in capitals. After a headline, the dateline opens one of the next lines.
 */
function findDateline(text: string): Dateline | null {
  let lineStart = 0;
  for (let line = 0; line < 5 && lineStart < 1000; line++) {
    const m = DATELINE.exec(text.slice(lineStart, lineStart + 200));
    if (m) {
      const place = m[1].trim();
      const caps = place === place.toUpperCase();
      const ownLine = m[0].endsWith('\n');
      // a mixed-case word before a dash is a dateline only with a bullet ("Kyiv • UNN"), first or under the headline
      const ok = caps ? !(ownLine && (line > 0 || place.split(' ').length > 3)) : /•/.test(m[0]) && line <= 1;
      if (ok) {
        const start = lineStart + m.index + m[0].indexOf(m[1]);
        return { place: titleCase(place), start, end: lineStart + m.index + m[0].length };
      }
    }
    const next = text.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return null;
}

function titleCase(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

const ENGLISH_FUNCTION_WORDS = wordLists.normalize.englishFunctionWords;

/** 'en' when English function words are common enough, else null; too short to tell counts as English. */
export function detectLanguage(text: string): 'en' | null {
  const words = text.slice(0, 20_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return 'en';
  const hits = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return hits / words.length >= 0.08 ? 'en' : null;
}
