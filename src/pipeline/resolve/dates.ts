// the English locale alone: the package's main entry loads every language's parsers (a fifth of a second at start-up)
import { Chrono, configuration } from 'chrono-node/en';
import { patterns } from '../../lexicons/index.js';

/** chrono's casual English, cut to the parsers that name a day: the full set costs twice as much per call. */
const DAY_PARSERS = new Set(['ENYearMonthDayParser', 'ISOFormatParser', 'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENCasualDateParser']);
const dayConfiguration = configuration.createCasualConfiguration();
dayConfiguration.parsers = dayConfiguration.parsers.filter((p) => DAY_PARSERS.has(p.constructor.name));
const dayParser = new Chrono(dayConfiguration);

/** The publication date as a Date at noon UTC, or null when absent or unreadable. */
export function parsePublished(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return Number.isNaN(d.getTime()) ? null : d;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const RELATIVE_DAY = patterns.dates.relativeDay;
const DATE_PHRASE = new RegExp(
  String.raw`\b(?:(?:last|next|this|on)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:today|yesterday|tomorrow)\b|` +
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:\s+\d{4})?\b|\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?|\b\d{4}-\d{2}-\d{2}\b`,
  'gi',
);

const iso = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/**
 * A date named in `text` ("on Tuesday", "on 20 May", "Feb 19"), resolved against the
 * publication date; null without one for relative days, or when nothing names a day.
 * Weekdays are read as the most recent such day for past events and the next one for planned ones.
 */
export function resolveDate(text: string, referenceDate: Date | null, planned: boolean): string | null {
  // Without a publication date only fully written dates resolve: the clock is never a reference.
  const ref = referenceDate ?? new Date(Date.UTC(2000, 0, 1, 12));
  // chrono's cost grows with the text it reads: hand it only the phrases that can name a day
  const phrases = text.match(DATE_PHRASE)?.filter((p) => referenceDate !== null || !RELATIVE_DAY.test(p));
  if (!phrases || phrases.length === 0) return null;
  const results = dayParser.parse(phrases.join('; '), { instant: ref, timezone: 0 }, { forwardDate: planned });
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('day') && !c.isCertain('weekday')) continue;
    if (!referenceDate && !(c.isCertain('day') && c.isCertain('month') && c.isCertain('year'))) continue;
    let d = c.date();
    // news reports the past: "said on Tuesday" is the latest Tuesday, not the next one
    if (!planned && referenceDate && !c.isCertain('month') && c.isCertain('weekday') && d.getTime() > referenceDate.getTime() + 12 * 3600 * 1000) {
      d = new Date(d.getTime() - 7 * 24 * 3600 * 1000);
    }
    // chrono builds the date in local time; re-read its parts so the ISO day matches what was written
    const local = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
    return iso(local);
  }
  return null;
}
