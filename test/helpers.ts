import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
/** Every fixture article is read as if published on this day, so relative dates are stable. */
export const FIXTURE_PUBLISHED = '2025-06-04';

export function fixtureArticles(): Array<{ name: string; path: string; text: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.(txt|html)$/, ''), path: join(FIXTURES, f), text: readFileSync(join(FIXTURES, f), 'utf8') }));
}
