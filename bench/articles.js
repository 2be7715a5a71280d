// Benchmark articles assembled from the project's own fixture articles (test/fixtures),
// never from the evaluation corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

/** The plain-text fixture articles. */
export function fixtureTexts() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8').trim());
}

/** `count` articles of about `size` characters, each a different run of fixture paragraphs. */
export function articlesOfSize(count, size = 2000) {
  const texts = fixtureTexts();
  const out = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let k = i; text.length < size; k++) text += `${texts[k % texts.length]}\n`;
    out.push(text.slice(0, text.lastIndexOf('\n', size) > 0 ? text.lastIndexOf('\n', size) : size));
  }
  return out;
}

/** One long article of about `size` characters. */
export function longArticle(size) {
  const texts = fixtureTexts();
  let text = '';
  for (let k = 0; text.length < size; k++) text += `${texts[k % texts.length]}\n`;
  return text.slice(0, size);
}
