// Golden files: the facts each fixture article (written for this project) must yield.
// After a deliberate change, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
// and review the diff of test/fixtures/*.expected.json before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { toContract } from '../src/facts/serialize.js';
import { FIXTURES, FIXTURE_PUBLISHED, fixtureArticles } from './helpers.js';

const articles = fixtureArticles();

describe('golden fixtures', () => {
  it('has at least 15 fixture articles', () => {
    expect(articles.length).toBeGreaterThanOrEqual(15);
  });

  for (const article of articles) {
    it(`${article.name} yields its expected facts`, () => {
      const result = runPipeline({ text: article.text, published: FIXTURE_PUBLISHED });
      const actual = toContract(article.name, result, { place: result.normalized.dateline?.place ?? null });
      const expectedPath = join(FIXTURES, `${article.name}.expected.json`);
      if (process.env.UPDATE_GOLDEN === '1') {
        writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(existsSync(expectedPath), `missing ${expectedPath}: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });

    it(`${article.name}: every fact's offsets point at its evidence`, () => {
      const result = runPipeline({ text: article.text, published: FIXTURE_PUBLISHED });
      const text = result.normalized.text;
      const facts = [
        ...result.persons, ...result.countries, ...result.organizations, ...result.quotes,
        ...result.commitments, ...result.sanctions, ...result.meetings, ...result.proposals,
      ];
      expect(facts.length).toBeGreaterThan(0);
      for (const fact of facts) {
        expect(text.slice(fact.evidence.start, fact.evidence.end)).toBe(fact.evidence.text);
        expect(fact.evidence.rule).toMatch(/^[a-z]+(?:\.[a-z-]+)+$/);
      }
      for (const answer of result.proposals.flatMap((p) => p.responses)) expect(text.slice(answer.start, answer.end)).toBe(answer.evidence);
    });
  }
});
