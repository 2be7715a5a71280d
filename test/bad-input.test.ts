// Bad input is reported and skipped: one article's problem never costs the rest of a batch.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_ARTICLE_CHARS } from '../src/pipeline/article.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const GOOD = 'Norway will send 10 boats to Ukraine, Defence Minister Ola Berg said on Monday.';

describe('extractArticle', () => {
  it('reports an empty text', () => {
    expect(extractArticle({ id: 'a', text: '   ' })).toEqual({ ok: false, output: { id: 'a', error: 'empty text' } });
  });

  it('judges control characters by their share: a stray one is dropped, U+FFFD is text', () => {
    const stray = extractArticle({ id: 's', text: 'Norway will give \u20ac3\u00070 million to Ukraine.\u0001' });
    expect(stray.ok).toBe(true);
    expect(stray.output).toMatchObject({ commitments: [{ amount: 30_000_000, unit: 'EUR' }] });
    expect(extractArticle({ id: 'r', text: 'Norway will send 12 howitzers to Ukraine \ufffd\ufffd\ufffd\ufffd.' }).ok).toBe(true);
    expect(extractArticle({ id: 'z', text: '\u0001\u0002 \u0003' }).output).toMatchObject({ error: 'binary data, not text' });
  });

  it('reads a number split by an invisible character as it is displayed', () => {
    const out = extractArticle({ id: 'zw', text: 'Sweden will give \u20ac3\u200b0 million to Ukraine, and Norway \u202e\u20ac5 million\u202c.' });
    expect(out.output).toMatchObject({ commitments: [{ donor: 'SE', amount: 30_000_000 }, { donor: 'NO', amount: 5_000_000 }] });
  });

  it('extracts from a short HTML fragment', () => {
    expect(extractArticle({ id: 'p', text: '<p>Norway will send 12 howitzers to Ukraine.</p>' }).output).toMatchObject({ commitments: [{ donor: 'NO', amount: 12 }] });
  });

  it('reports binary bytes', () => {
    const out = extractArticle({ id: 'b', text: 'PK\u0003\u0004\u0000\u0000binary' });
    expect(out.ok).toBe(false);
    expect(out.output).toMatchObject({ error: 'binary data, not text' });
  });

  it('refuses a text past the size limit without reading it', () => {
    const out = extractArticle({ id: 'c', text: 'a'.repeat(MAX_ARTICLE_CHARS + 1) });
    expect(out.output).toMatchObject({ id: 'c', error: expect.stringMatching(/too large/) });
  });

  it('reports a record without text', () => {
    expect(extractArticle({ id: 'd', url: 'https://example.org' }).output).toMatchObject({ id: 'd', error: expect.stringMatching(/text/) });
    expect(extractArticle(42).output).toMatchObject({ id: null, error: expect.stringMatching(/invalid article/) });
  });

  it('reports HTML with no body', () => {
    expect(extractArticle({ id: 'e', text: '<html><head><title>x</title></head><body></body></html>' }).output).toMatchObject({
      error: 'HTML has no body text',
    });
  });

  it('gives a non-English article an empty result with a warning', () => {
    const text = 'Ministras teigė, kad Lietuva skirs daugiau paramos Ukrainai ir toliau rems jos kovą prieš agresorių, nes tai svarbu visai Europai.';
    const out = extractArticle({ id: 'f', text });
    expect(out.ok).toBe(true);
    expect(out.output).toMatchObject({ id: 'f', language: null, warning: expect.stringMatching(/not an English/), commitments: [], persons: [] });
  });

  it('extracts a good article', () => {
    const out = extractArticle({ id: 'g', text: GOOD, published: '2025-06-04' });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.output.commitments).toMatchObject([{ donor: 'NO', recipient: 'UA', amount: 10, unit: 'units' }]);
  });
});

describe('extract --jsonl', () => {
  it('answers every line in order and goes on past bad ones', () => {
    const lines = [
      JSON.stringify({ id: 'ok1', text: GOOD }),
      'this is not json',
      JSON.stringify({ id: 'empty', text: '' }),
      JSON.stringify({ id: 'binary', text: '\u0000\u0001\u0002' }),
      JSON.stringify({ id: 'big', text: 'word '.repeat(4_200_000) }),
      JSON.stringify({ id: 'nobody', text: '<html><body></body></html>' }),
      JSON.stringify({ id: 'ok2', text: GOOD, published: '2025-06-04' }),
    ];
    const run = spawnSync(process.execPath, [CLI, 'extract', '--jsonl'], { input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status).toBe(0);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['ok1', null, 'empty', 'binary', 'big', 'nobody', 'ok2']);
    expect(out[1].error).toMatch(/not JSON/);
    expect(out[2].error).toBe('empty text');
    expect(out[3].error).toMatch(/binary/);
    expect(out[4].error).toMatch(/too large/);
    expect(out[5].error).toMatch(/no body/);
    expect(out[6].commitments[0]).toMatchObject({ donor: 'NO', evidence: expect.any(String) });
    expect(run.stderr).toMatch(/line 2/);
  });

  it('reads one file and prints a summary, or JSON', () => {
    const summary = spawnSync(process.execPath, [CLI, 'extract', '-', '--published', '2025-06-04'], { input: GOOD, encoding: 'utf8' });
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/NO → UA: 10 units \(boats\)/);
    const json = spawnSync(process.execPath, [CLI, 'extract', '-', '--json'], { input: GOOD, encoding: 'utf8' });
    expect(JSON.parse(json.stdout).persons[0]).toMatchObject({ name: 'Ola Berg', role: 'Defence Minister' });
  });

  it('fails clearly on an unreadable file or a bad option', () => {
    const missing = spawnSync(process.execPath, [CLI, 'extract', '/nonexistent/article.txt'], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read \/nonexistent\/article.txt: ENOENT/);
    const badDate = spawnSync(process.execPath, [CLI, 'extract', '-', '--published', 'tuesday'], { input: GOOD, encoding: 'utf8' });
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--published/);
  });
});
