// The workbench in a real browser (Debian's Chromium driven by playwright-core) against
// `pledgewatch serve --demo` on a free port. Screenshots of each screen go to test-results/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, startServerProcess, type ServerProcess } from '../../bench/workbench.js';
import { openStore } from '../../src/store/index.js';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results');
// CI installs Chromium; elsewhere the suite says why it did not run instead of failing
const run = hasChromium() || process.env.CI ? describe : describe.skip;
if (!hasChromium() && !process.env.CI) console.warn('workbench e2e skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)');

run('workbench in Chromium', () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  // a fresh document each time: a change of hash alone would keep the last screen's state
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${server.url}#/${hash}`);
    await page.waitForLoadState('networkidle');
  };
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const ledgerTotal = async () => (await page.getByTestId('ledger-total').textContent()) ?? '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'pw-e2e-'));
    server = await startServerProcess(['--demo', '--db', join(dir, 'e2e.db')]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('dialog', (dialog) => {
      pageErrors.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the ledger with the demo corpus: table, totals by donor, timeline, sources', async () => {
    await open('ledger');
    await expect.poll(ledgerTotal).toMatch(/^[1-9]\d* commitments/);
    expect(await page.locator('table.ledger tbody tr').count()).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('donor-total-FI').textContent()).toBe('€200M');
    await page.getByRole('button', { name: '% of GDP' }).click();
    // Lithuania's 0.25 % of GDP is a yearly pledge: shown per year, never added to whole commitments
    await page.getByRole('button', { name: 'Per year' }).click();
    await expect.poll(() => page.getByTestId('donor-total-LT').textContent()).toBe('0.250 % a year');
    await page.getByRole('button', { name: 'Whole' }).click();

    // the Finnish pledge reported six times is one row with six sources
    await page.getByLabel('Donor', { exact: true }).fill('FI');
    await expect.poll(() => page.locator('table.ledger tbody tr').count()).toBe(1);
    // countries by name beside their codes
    expect(await page.locator('table.ledger tbody tr').first().textContent()).toContain('Finland (FI)Ukraine (UA)');
    await page.getByRole('button', { name: '6 sources' }).click();
    expect(await page.locator('tr.sources li').count()).toBe(6);
    await shot('ledger');
    // the filters are in the address: the link opens the same view
    await expect.poll(() => page.url()).toMatch(/#\/ledger\?donor=FI$/);
    await open('ledger?donor=FI&category=military');
    await expect.poll(() => page.locator('table.ledger tbody tr').count()).toBe(1);
    expect(await page.getByLabel('Category').inputValue()).toBe('military');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel('Donor', { exact: true }).fill('');
    await expect.poll(() => page.locator('table.ledger tbody tr').count()).toBeGreaterThan(10);
    // at phone width the page itself does not scroll sideways; only the table does, inside its frame
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('ledger-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ingests a pasted article and shows its commitment in the ledger', async () => {
    await open('ingest');
    await page.getByLabel('Title (optional)').fill('Portugal funds demining');
    await page.getByLabel(/^Published/).fill('2025-11-20');
    await page.getByLabel('Article text or HTML').fill(
      'LISBON - Portugal will give €45 million for demining equipment for Ukraine, Defence Minister Rui Vasconcelos said on Thursday.\n' +
        '"Safe fields mean bread on the table," Vasconcelos told reporters in Lisbon.',
    );
    await page.getByRole('button', { name: 'Ingest' }).click();
    await expect.poll(() => page.getByTestId('ingest-progress').textContent()).toBe('1 of 1 done');
    await expect(page.locator('.ingest-items li').first().textContent()).resolves.toMatch(/stored.*facts/);
    await shot('ingest');

    await open('ledger');
    await page.getByLabel('Donor', { exact: true }).fill('PT');
    await expect.poll(() => page.locator('table.ledger tbody tr').first().textContent()).toContain('45M EUR');
  });

  it('ingests uploaded files item by item, with a clear error for each item that fails', async () => {
    await open('ingest');
    await page.getByRole('tab', { name: 'Upload files' }).click();
    const records = [
      { title: 'Irish aid', published: '2025-10-02', text: 'DUBLIN - Ireland will give €20 million in humanitarian aid to Ukraine, Foreign Minister Siobhan Walsh said on Thursday.' },
      { title: 'no text here' },
    ];
    await page.locator('input[type="file"]').setInputFiles([
      { name: 'batch.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n{not json\n`) },
      { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('OSLO - Norway will send 12 howitzers to Ukraine, Defence Minister Ola Berg said on Monday.') },
    ]);
    await page.getByRole('button', { name: 'Ingest' }).click();
    await expect.poll(() => page.getByTestId('ingest-progress').textContent()).toBe('4 of 4 done');
    const items = page.locator('.ingest-items li');
    expect(await items.allTextContents()).toEqual([
      expect.stringMatching(/^stored batch\.jsonl:1 — \d+ facts/),
      expect.stringMatching(/^failed batch\.jsonl:2 — a record needs "text" or "url"/),
      expect.stringMatching(/^failed batch\.jsonl:3 — not valid JSON/),
      expect.stringMatching(/^stored note\.txt — \d+ facts/),
    ]);
    await shot('ingest-files');

    // a URL the server may not fetch is refused with its reason, not a silent failure
    await page.getByRole('tab', { name: 'From URLs' }).click();
    await page.getByLabel(/URLs, one per line/).fill('http://127.0.0.1:9/private\nhttps://news.example.org/a page with spaces');
    await page.getByRole('button', { name: 'Ingest' }).click();
    await expect.poll(() => items.first().textContent()).toMatch(/^failed http:\/\/127\.0\.0\.1:9\/private — .*(private|loopback|refused)/i);
    // a line with spaces is one item that fails, never several
    expect(await items.allTextContents()).toEqual([expect.any(String), 'failed https://news.example.org/a page with spaces — one URL per line: this line has spaces in it']);

    // the refused address stays in the list of failed items with its reason; a retry counts one attempt more
    const failed = page.locator('.failed-items tbody tr', { hasText: 'http://127.0.0.1:9/private' });
    await expect.poll(() => failed.locator('td').nth(1).textContent()).toMatch(/loopback/);
    expect(await failed.locator('td.num').textContent()).toBe('1');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => failed.locator('td.num').textContent()).toBe('2');
    await expect.poll(() => page.locator('.failed-items').getByRole('alert').count()).toBeGreaterThan(0);
    await shot('ingest-failed');
  });

  it('reviews commitments with the keyboard: accept, undo, reject — and the totals follow', async () => {
    await open('ledger');
    await expect.poll(() => page.getByTestId('donor-total-SE').count()).toBe(1);
    const before = await ledgerTotal();

    await open('review');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^0 of \d+ reviewed/);
    const card = page.locator('.fact-card');
    // review by story: the Finnish pledge reported six times is one item, its other five reports listed under it
    for (let i = 0; i < 60 && !((await card.locator('.fact-summary').textContent()) ?? '').startsWith('FI →'); i++) await page.keyboard.press('j');
    await expect.poll(() => page.locator('.story-copies li').count()).toBe(5);
    await shot('review-story');
    for (let i = 0; i < 60 && !(await page.getByTestId('review-progress').textContent())?.includes('fact 1 of'); i++) await page.keyboard.press('k');
    const first = await card.locator('.fact-summary').textContent();
    await page.keyboard.press('a');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^1 of \d+ reviewed · fact 2/);
    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^0 of \d+ reviewed · fact 1/);
    expect(await card.locator('.fact-summary').textContent()).toBe(first);
    await expect.poll(() => card.getByTestId('review-status').textContent()).toBe('pending');

    // j until the Swedish package, then x
    for (let i = 0; i < 60 && !((await card.locator('.fact-summary').textContent()) ?? '').startsWith('SE →'); i++) await page.keyboard.press('j');
    expect(await card.locator('.fact-summary').textContent()).toMatch(/^SE → UA: 16B SEK/);
    await shot('review');
    await page.keyboard.press('x');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toMatch(/^1 of \d+ reviewed/);
    await page.keyboard.press('k');
    await expect.poll(() => card.getByTestId('review-status').textContent()).toBe('rejected');

    await open('ledger');
    await expect.poll(ledgerTotal).not.toBe(before);
    expect(await page.getByTestId('donor-total-SE').count()).toBe(0);
    expect(Number((await ledgerTotal()).split(' ')[0]) + 1).toBe(Number(before.split(' ')[0]));
  });

  it('checks an edit before sending it', async () => {
    await open('review');
    await expect.poll(() => page.locator('.fact-card').count()).toBe(1);
    await page.keyboard.press('e');
    await page.getByLabel('amount').fill('twelve');
    await page.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('a number');
    await page.keyboard.press('Escape');
  });

  it('finds a quote by search and opens it in the article', async () => {
    await open('search');
    await page.getByLabel('Search articles and quotes').fill('interceptor hospital');
    await page.getByRole('button', { name: 'Search' }).click();
    const hit = page.locator('.result-quote a').first();
    await expect.poll(() => hit.textContent()).toContain('Every interceptor we send protects a hospital');
    // the words found are marked, and the speaker, source and date shown
    expect(await page.locator('.result-quote').first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(['interceptor', 'hospital']));
    expect(await page.locator('.result-quote .speaker').first().textContent()).toMatch(/\S+: $/);
    expect(await page.locator('.result-quote .result-meta').first().textContent()).toMatch(/20\d\d-\d\d/);
    await shot('search');
    await hit.click();
    await expect.poll(() => page.locator('mark.hl.selected').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.reader-side .fact-card .fact-summary').textContent()).toContain('Every interceptor');
    await page.locator('mark.hl.type-commitment').first().hover();
    await expect.poll(() => page.locator('.hover-card').textContent()).toContain('DE → UA');
    // where facts overlap, each keeps a band of its own under the text, and every span's ends are marked
    const layered = page.locator('mark.hl[data-layers*=" "]').first();
    await layered.waitFor();
    const types = ((await layered.getAttribute('data-layers')) ?? '').split(' ');
    const bands = await layered.evaluate((el) => getComputedStyle(el).boxShadow.split('inset').length - 1);
    expect(bands).toBe(types.length);
    expect(await page.locator('mark.hl[style*="border-left"]').count()).toBeGreaterThan(5);
    await shot('reader');
  });

  it('adds a fact the extractor missed from words selected in the reader, and the ledger shows it', async () => {
    const text = 'Aid update. The armoured vehicles, forty of them, are Sweden\'s, a footnote to the Kyiv talks said.';
    const posted = await (await fetch(`${server.url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, published: '2025-05-02' }) })).json();
    await open(`articles/${posted.id}`);
    // select the words that state the pledge, as a reader's drag would
    const words = "The armoured vehicles, forty of them, are Sweden's";
    await page.evaluate((needle) => {
      const container = document.querySelector('[data-testid="article-text"]')!;
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }, words);
    await page.getByRole('button', { name: 'Add a fact from the selection' }).click();
    const form = page.getByRole('region', { name: 'Add a fact' });
    expect(await form.locator('blockquote').textContent()).toBe(words);
    await form.getByLabel('donor').fill('SE');
    await form.getByLabel('recipient').fill('UA');
    await form.getByLabel('amount').fill('40');
    await form.getByLabel('unit').fill('units');
    await form.getByLabel('item').fill('armoured vehicles');
    await shot('reader-add-fact');
    await form.getByRole('button', { name: 'Add fact' }).click();
    // the new fact is highlighted over the selected words and open for review
    await expect.poll(() => page.locator('mark.hl.selected').allTextContents()).toEqual([words]);
    await expect.poll(() => page.locator('.reader-side .fact-card').textContent()).toContain('SE → UA');
    await open('ledger');
    await page.getByLabel('Donor', { exact: true }).fill('SE');
    await expect.poll(() => page.locator('table.ledger tbody tr').first().textContent()).toContain('armoured vehicles');
  });

  it('merges two ledger rows that are one commitment, splits a source off again, and opens a source at its evidence', async () => {
    const post = (text: string, published: string) => fetch(`${server.url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, published }) });
    await post('Iceland will provide €10 million to Ukraine for winter fuel.', '2025-03-01');
    await post('Iceland will provide €12 million to Ukraine for generators.', '2025-03-03');
    await open('ledger?donor=IS');
    const rows = page.locator('table.ledger tbody tr:not(.sources)');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().getByRole('button', { name: /1 source/ }).click();
    const other = await page.getByLabel('Row to merge this one into').locator('option').nth(1).getAttribute('value');
    await page.getByLabel('Row to merge this one into').selectOption(other!);
    await shot('ledger-merge');
    await page.getByRole('button', { name: 'Merge into it' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('2 sources');
    await rows.first().getByRole('button', { name: /2 sources/ }).click();
    await page.locator('tr.sources li').filter({ hasText: '10 million' }).getByRole('button', { name: 'Split off' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // the row stays open with the source it kept; its link opens the article with that evidence selected
    await expect.poll(() => page.locator('tr.sources li').allTextContents()).toEqual([expect.stringContaining('12 million')]);
    await page.locator('tr.sources li a').first().click();
    await expect.poll(async () => (await page.locator('mark.hl.selected').allTextContents()).join('')).toMatch(/provide €12 million/);
  });

  it('deletes an article after asking why: it is marked, and its pledge leaves the ledger', async () => {
    const posted = await (await fetch(`${server.url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Andorra will give €7 million to Ukraine for drones, its foreign minister said.', published: '2025-06-01' }) })).json();
    await open(`articles/${posted.id}`);
    await page.getByRole('button', { name: 'Delete article…' }).click();
    await page.getByLabel('Why (kept in the log)').fill('a satire site');
    await page.getByRole('button', { name: 'Delete: its facts leave the ledger' }).click();
    await expect.poll(() => page.locator('.deleted-note').textContent()).toMatch(/^Deleted by \S+ on 20\d\d-\d\d-\d\d: a satire site/);
    await shot('reader-deleted');
    await open('ledger?donor=AD');
    await expect.poll(() => page.getByTestId('ledger-rows').textContent()).toContain('No commitments match these filters.');
  });

  it('accepts a pledge with every report of it at once, from a source opened in the ledger', async () => {
    await open('ledger?donor=FI');
    const row = page.locator('table.ledger tbody tr:not(.sources)').first();
    await row.getByRole('button', { name: /\d+ sources/ }).click();
    const reports = await page.locator('tr.sources li').count();
    expect(reports).toBeGreaterThan(2);
    await page.locator('tr.sources li a').first().click();
    await page.locator('.reader-side .fact-card').getByRole('button', { name: /Accept with its copies/ }).click();
    await expect.poll(() => page.locator('.reader-side [data-testid="review-status"]').textContent()).toBe('accepted');
    // every report folded into the row is accepted: the row counts as reviewed
    const reviewed = await (await fetch(`${server.url}api/ledger/commitments?donor=FI&reviewed=only`)).json();
    expect(reviewed).toHaveLength(1);
    const facts = await (await fetch(`${server.url}api/facts?type=commitment&status=pending&limit=500`)).json();
    const pendingOfRow = facts.items.filter((f: { id: number }) => reviewed[0].sources.some((s: { factId: number }) => s.factId === f.id));
    expect(pendingOfRow).toEqual([]);
  });

  it('orders the review queue by the EUR at stake', async () => {
    await open('review');
    await page.getByLabel('Order').selectOption('eur');
    const [top] = (await (await fetch(`${server.url}api/facts?type=commitment&status=pending&order=eur&limit=1`)).json()).items;
    await expect.poll(() => page.locator('.fact-card').getAttribute('aria-label')).toBe(`commitment fact ${top.id}`);
  });

  it('shows markup inside an article as characters and never runs it', async () => {
    await open('ingest');
    await page.getByLabel('Title (optional)').fill('Markup in a report');
    await page.getByLabel('Article text or HTML').fill(
      'VIENNA - Austria will give €10 million for shelters in Ukraine, Foreign Minister Lena Berger said on Monday.\n' +
        'A hacked site showed <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> next to the statement.',
    );
    await page.getByRole('button', { name: 'Ingest' }).click();
    await expect.poll(() => page.getByTestId('ingest-progress').textContent()).toBe('1 of 1 done');
    await page.locator('.ingest-items a', { hasText: 'open' }).click();
    const text = page.getByTestId('article-text');
    await expect.poll(() => text.textContent()).toContain('<script>window.__pwned = 1</script>');
    expect(await text.textContent()).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await text.locator('script, img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot('reader-markup');
  });

  it('shows people with a timeline and a coalition with its members', async () => {
    await open('people');
    await expect.poll(() => page.locator('table.simple tbody tr').count()).toBeGreaterThan(10);
    await shot('people');
    await page.getByLabel('Name').fill('Koval');
    await page.getByRole('link', { name: 'Andriy Koval' }).click();
    await page.getByRole('heading', { name: 'Andriy Koval' }).waitFor();
    await expect.poll(() => page.locator('.timeline li').count()).toBeGreaterThan(1);
    await shot('person');

    await open('organizations');
    await page.getByRole('link', { name: 'coalition of the willing' }).waitFor();
    await shot('organizations');
    await page.getByRole('link', { name: 'coalition of the willing' }).click();
    await page.getByRole('heading', { name: 'coalition of the willing' }).waitFor();
    await expect.poll(() => page.locator('table.simple tbody tr').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('table.simple').textContent()).toContain('Lithuania (LT)');
    await shot('organization');
  });

  it('draws the ledger as charts with time and value axes, stacked totals, % of GDP and a map, each saved as SVG, PNG or CSV', async () => {
    await open('charts');
    for (const id of ['monthly', 'cumulative', 'by-category', 'by-period', 'gdp', 'map']) await page.getByTestId(`chart-${id}`).locator('svg').first().waitFor();
    const monthly = page.getByTestId('chart-monthly');
    // a value axis with its label, and a time axis with year labels
    expect(await monthly.locator('svg [aria-label="y-axis label"]').textContent()).toContain('EUR committed');
    expect((await monthly.locator('svg [aria-label="x-axis tick label"] text').allTextContents()).join(' ')).toMatch(/2025/);
    expect(await page.getByTestId('chart-by-category').textContent()).toContain('military');
    expect(await page.getByTestId('chart-map').locator('svg path').count()).toBeGreaterThan(150);
    await shot('charts');
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), monthly.getByRole('button', { name: button }).click()]);
      return { name: download.suggestedFilename(), text: (await readFile((await download.path())!)).toString('latin1') };
    };
    const csv = await saved('CSV');
    expect(csv.name).toBe('pledgewatch-monthly.csv');
    expect(csv.text.split('\r\n')[0]).toBe('month,committed,delivered');
    expect((await saved('SVG')).text).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect((await saved('PNG')).text.slice(1, 4)).toBe('PNG');
    // the ledger's filters apply and stay in the address
    await page.getByLabel('Donor', { exact: true }).fill('FI');
    await expect.poll(() => page.url()).toMatch(/#\/charts\?donor=FI$/);
    await expect.poll(() => page.getByTestId('chart-by-category').locator('svg g[aria-label="bar"] rect').count()).toBe(1);
  });

  it('shows a proposal and its rejection, reported in two articles, as one timeline on the Diplomacy screen', async () => {
    await open('diplomacy');
    const card = page.getByRole('listitem', { name: 'UA and US: 30-day ceasefire' });
    await card.waitFor();
    expect(await card.locator('.status').textContent()).toBe('rejected');
    expect(await card.locator('.answers li').allTextContents()).toEqual(['UA + US proposed2025-03-11', 'RU rejected2025-03-14']);
    await card.getByText('Sources and their words').click();
    await expect.poll(() => card.locator('.history li').count()).toBe(3);
    expect(await card.locator('.history li').last().textContent()).toContain('Moscow says no to ceasefire plan');
    await shot('diplomacy');
    // filtered by a party that answered: the ceasefire stays, Turkey's offer (answered by Ukraine) goes
    await page.getByLabel('Party').fill('RU');
    await expect.poll(() => page.locator('.proposal').count()).toBe(1);
    await page.getByLabel('Party').fill('');
    await page.getByLabel('Status').selectOption('pending');
    await expect.poll(() => page.locator('.proposal h2').allTextContents()).toEqual(['host direct peace talks pending']);
    // the reader highlights a proposal's words, and its answer's article opens at the proposal
    await page.getByLabel('Status').selectOption('');
    await card.getByText('Sources and their words').click();
    await card.locator('.history li').last().getByRole('link').click();
    await page.locator('mark.type-proposal').first().waitFor();
  });

  it('lists the articles and keeps the reviewer’s name in the settings', async () => {
    await open('articles');
    await expect.poll(() => page.locator('.plain-list li').count()).toBeGreaterThanOrEqual(26);
    await shot('articles');
    await open('settings');
    await page.getByLabel(/Your name/).fill('e2e reviewer');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').waitFor();
    await shot('settings');
    await open('settings');
    expect(await page.getByLabel(/Your name/).inputValue()).toBe('e2e reviewer');
  });

  it('watches a source, shows its error on the Sources screen, and marks what changed since a reviewer\'s last visit', async () => {
    // a feed on loopback that fails every time
    const failing = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
    const feedUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/feed.xml`;
    const added = await fetch(new URL('/api/sources', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: feedUrl, every: '1s', name: 'failing feed', allowPrivate: true }) });
    expect(added.status).toBe(201);
    await open('sources');
    const row = page.getByTestId('sources').locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/failing feed.*HTTP 503.*in a row, backing off/);
    failing.close();
    await shot('sources');
    await row.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByText('No source is watched yet.').count()).toBe(1);

    // a reviewer who was last here yesterday: the demo's rows, folded since, are new to her
    const store = await openStore(join(dir, 'e2e.db'));
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await store.db.insertInto('reviewer_visits').values({ reviewer: 'returning reviewer', previous_at: null, current_at: yesterday, last_seen_at: yesterday }).execute();
    await store.close();
    await page.evaluate(() => localStorage.setItem('pledgewatch.settings', JSON.stringify({ token: '', reviewer: 'returning reviewer' })));
    await open('ledger');
    const panel = page.getByTestId('since-last-visit');
    await expect.poll(() => panel.textContent()).toMatch(/\d+ changes since your last visit/);
    await panel.getByRole('button').click();
    await expect.poll(() => panel.locator('li').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('table.ledger tr.changed .change').count()).toBeGreaterThan(5);
    await shot('since-last-visit');
    await page.evaluate(() => localStorage.removeItem('pledgewatch.settings'));
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
