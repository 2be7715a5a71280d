// When a commitment was announced, and how precisely that is known: the date its own sentence
// gives, else the article's publication date, else unknown — never the day it was ingested.
import { patterns } from '../lexicons/index.js';
import { parsePublished, resolveDate } from '../pipeline/resolve/dates.js';
import type { DatePrecision } from '../store/schema.js';

export interface DatedAs {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the text allows; null when unknown. */
  date: string | null;
  precision: DatePrecision;
}

export const UNDATED: DatedAs = { date: null, precision: 'unknown' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A publication date as given: a day, a month ("2024-03") or a year ("2024"). */
export function publicationDate(published: string | null | undefined): DatedAs {
  const m = published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published) : null;
  if (!m) return UNDATED;
  if (m[3]) return parsePublished(published) ? { date: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' } : UNDATED;
  if (m[2]) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { date: `${m[1]}-${m[2]}`, precision: 'month' } : UNDATED;
  return { date: m[1], precision: 'year' };
}

/**
 * The announcement date of the commitment stated in `sentence`. A deadline ("by 1 May",
 * "from Monday") says when something is due, not when it was said, and a date after the
 * publication cannot be the announcement's.
 */
export function announcementDate(sentence: string, published: string | null | undefined): DatedAs {
  const publication = publicationDate(published);
  const reference = publication.precision === 'day' ? parsePublished(publication.date) : null;
  const said = sentence.replace(patterns.dates.deadline, ' ');
  const day = resolveDate(said, reference, false);
  if (day && (!publication.date || day <= `${publication.date}\uffff`)) return { date: day, precision: 'day' };
  const month = patterns.dates.inMonth.exec(said);
  if (month) {
    const index = MONTHS.indexOf(month[1].slice(0, 3).toLowerCase()) + 1;
    const publishedYear = publication.date ? Number(publication.date.slice(0, 4)) : null;
    const publishedMonth = publication.precision === 'year' || !publication.date ? 12 : Number(publication.date.slice(5, 7));
    // "in March" in a paper of February is last March
    const year = month[2] ? Number(month[2]) : publishedYear === null ? null : index > publishedMonth ? publishedYear - 1 : publishedYear;
    if (year !== null && (publishedYear === null || year < publishedYear || (year === publishedYear && index <= publishedMonth))) {
      return { date: `${year}-${String(index).padStart(2, '0')}`, precision: 'month' };
    }
  }
  return publication;
}

/** The ISO date (`YYYY-MM-DD`) of a day count. */
export const isoDay = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** The day count of a possibly partial ISO date, at its first day. */
export function dayNumber(iso: string): number {
  const [y, m = '01', d = '01'] = iso.split('-');
  return Date.parse(`${y}-${m}-${d.slice(0, 2)}T00:00:00Z`) / 86_400_000;
}
