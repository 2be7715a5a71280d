import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
/** Every fixture article is read as if published on this day, so relative dates are stable. */
export const FIXTURE_PUBLISHED = '2025-06-04';

export function fixtureArticles(): Array<{ name: string; path: string; text: string }> {
  return readdirSync(FIXTURES)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.(txt|html)$/, ''), path: join(FIXTURES, f), text: readFileSync(join(FIXTURES, f), 'utf8') }));
}

const FINLAND = 'Finland will provide a €200 million military aid package to Ukraine, Defence Minister Antti Häkkänen said in Helsinki on Monday.';
const FINLAND_RETOLD = 'Finland will provide a €200 million military aid package to Ukraine, the Finnish defence minister announced on Monday, adding that deliveries would start soon.';

/** One report at three publishers: two carry the same text (one with other spacing), the third retells it. */
export const threeCopies = (): Array<{ text: string; url: string; published: string }> => [
  { text: FINLAND, url: 'https://one.example.org/world/finland-aid', published: '2025-04-07' },
  { text: `  ${FINLAND.replace(/ /g, '  ')}\n`, url: 'https://www.two.example.net/news/finland-aid/?utm_source=feed', published: '2025-04-07' },
  { text: FINLAND_RETOLD, url: 'https://three.example.com/2025/04/07/a', published: '2025-04-07' },
];

/**
 * A suite that needs a service (Redis, PostgreSQL) runs where it is configured, and always in CI:
 * there a missing one fails the suite (`needService` in its beforeAll) instead of skipping it.
 */
export const describeWith = (...needs: Array<string | undefined>) => (needs.every(Boolean) || process.env.CI ? describe : describe.skip);

export function needService(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set: CI starts the service and sets it (see .ci/run)`);
  return value;
}
