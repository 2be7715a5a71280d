import { describe, expect, it } from 'vitest';
import { parsePublished, resolveDate } from '../src/pipeline/resolve/dates.js';

const wednesday = parsePublished('2025-06-04');

describe('dates', () => {
  it('reads a weekday as the latest such day for what happened', () => {
    expect(resolveDate('Pevkur met Zelensky on Tuesday in Kyiv.', wednesday, false)).toBe('2025-06-03');
    expect(resolveDate('She visited Kyiv on Friday.', wednesday, false)).toBe('2025-05-30');
  });

  it('reads a weekday as the next such day for what is planned', () => {
    expect(resolveDate('They will meet on Friday.', wednesday, true)).toBe('2025-06-06');
  });

  it('completes a day and month with the publication year', () => {
    expect(resolveDate('a conference slated for Feb 19 in Tokyo', parsePublished('2024-02-10'), true)).toBe('2024-02-19');
    expect(resolveDate('during a 3 January press conference', parsePublished('2026-01-04'), false)).toBe('2026-01-03');
  });

  it('never falls back to the clock without a publication date', () => {
    expect(resolveDate('They met on Tuesday.', null, false)).toBeNull();
    expect(resolveDate('Today the ministers met.', null, false)).toBeNull();
    expect(resolveDate('They met on 20 September 2024 in Kyiv.', null, false)).toBe('2024-09-20');
  });

  it('rejects unreadable publication dates', () => {
    expect(parsePublished('yesterday')).toBeNull();
    expect(parsePublished(null)).toBeNull();
  });
});
