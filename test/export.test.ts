import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCsv as writeCsv } from '../src/ledger/csv.js';
import { toXlsx as writeXlsx } from '../src/ledger/files.js';
import { COLUMNS, dictionary, dictionaryMarkdown, PROPOSAL_COLUMNS } from '../src/ledger/layouts.js';
import type { LedgerRow } from '../src/ledger/query.js';

const row: LedgerRow = {
  id: 1, donor: 'FI', recipient: 'UA', amount: 200e6, unit: 'EUR', eur: 200e6, gdpShare: 0.0712345, period: 'one-off', category: 'military',
  status: 'pledged', item: null, announced: '2025-04-07', announcedPrecision: 'day', valuation: 'reported', delivered: null, deliveredOn: null,
  stages: [{ stage: 'pledged', date: '2025-04-07', amount: 200e6, sources: 3 }],
  sources: [
    { factId: 11, articleId: 1, url: 'https://wire.example.org/a', publisher: 'wire.example.org', evidence: 'provide a €200 million air defence package, "urgently"', stage: 'pledged', announced: '2025-04-07' },
    { factId: 12, articleId: 2, url: 'https://wire.example.org/a', publisher: 'wire.example.org', evidence: '€200m', stage: 'pledged', announced: '2025-04-07' },
    { factId: 13, articleId: 3, url: null, publisher: null, evidence: '=HYPERLINK("x")', stage: 'pledged', announced: '2025-04-07' },
  ],
};
const toCsv = (rows: LedgerRow[]) => writeCsv(COLUMNS.default, rows);
const toXlsx = (rows: LedgerRow[]) => writeXlsx(COLUMNS.default, rows);

describe('exports', () => {
  it('writes the columns an analyst expects as CSV, quoting what needs quoting', () => {
    const [header, line] = toCsv([row]).trim().split('\r\n');
    expect(header).toBe('donor,recipient,announced,announced_precision,category,item,amount,currency_or_unit,delivered,delivered_on,eur,valuation,gdp_percent,status,stages,period,evidence,sources,source_urls');
    expect(line).toBe('FI,UA,2025-04-07,day,military,,200000000,EUR,,,200000000,reported,0.0712,pledged,pledged:2025-04-07:200000000,one-off,"provide a €200 million air defence package, ""urgently""",3,https://wire.example.org/a');
  });

  it('defuses spreadsheet formulas in text cells', () => {
    const csv = toCsv([{ ...row, sources: [row.sources[2]] }]);
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
  });

  it('writes an xlsx workbook', async () => {
    const book = await toXlsx([row]);
    expect(book.subarray(0, 2).toString()).toBe('PK');
    const { default: ExcelJS } = await import('exceljs');
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book as unknown as ArrayBuffer);
    const sheet = read.getWorksheet('commitments')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('donor');
    expect(sheet.getRow(2).getCell(11).value).toBe(200000000);
  });
});

describe('the Kiel layout and the data dictionary', () => {
  const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');

  it('exports the Kiel main-sheet columns from the command line, leaving planned rows out unless asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgewatch-kiel-'));
    const db = join(dir, 'ledger.db');
    const articles = join(dir, 'articles.jsonl');
    writeFileSync(articles, [
      { text: 'Germany will send four IRIS-T air defence systems to Ukraine.', url: 'https://paper.example.org/iris-t', published: '2025-03-01' },
      { text: 'Poland has delivered 20 tanks to Ukraine.', url: 'https://paper.example.org/tanks', published: '2025-03-02' },
      { text: 'Sweden plans to give SEK 2 billion to Ukraine next year.', published: '2025-03-03' },
    ].map((a) => JSON.stringify(a)).join('\n'));
    expect(spawnSync(process.execPath, [CLI, 'ingest', articles, '--db', db], { encoding: 'utf8' }).status).toBe(0);
    const kiel = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'export', 'commitments', '--layout', 'kiel', '--format', 'csv', '--db', db, ...extra], { encoding: 'utf8' });
    const [header, ...lines] = kiel().stdout.trim().split('\r\n');
    expect(header).toBe(COLUMNS.kiel.map((c) => c.name).join(','));
    expect(header.split(',').slice(0, 11)).toEqual(['donor', 'announcement_date', 'aid_type_general', 'aid_type_specific', 'measure', 'reporting_currency', 'source_reported_value', 'tot_sub_activity_value_EUR', 'item', 'item_numb', 'item_numb_deliv']);
    expect(lines.sort()).toEqual([
      expect.stringMatching(/^Germany,2025-03-01,Military,IRIS-T air defence systems,Commitment,,,\d{9},IRIS-T air defence systems,4,,https:\/\/paper\.example\.org\/iris-t,,,$/),
      expect.stringMatching(/^Poland,2025-03-02,Military,tanks,Allocation,,,\d+,tanks,20,20,https:\/\/paper\.example\.org\/tanks,,,$/),
    ]);
    expect(kiel('--with-planned').stdout.trim().split('\r\n')).toHaveLength(4);
    const wrong = kiel('--layout', 'oecd');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--layout must be default or kiel');
  });

  it('exports proposals from the command line, one row each with its answers, filtered by party and status', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgewatch-proposals-'));
    const db = join(dir, 'ledger.db');
    const articles = join(dir, 'articles.jsonl');
    writeFileSync(articles, [
      { text: 'Chile proposed a 30-day ceasefire to Peru.', url: 'https://paper.example.org/truce', published: '2025-03-11' },
      { text: 'Peru rejected the Chilean proposal for a 30-day ceasefire.', url: 'https://paper.example.org/no', published: '2025-03-14' },
      { text: 'Bolivia offered to host peace talks between the two.', published: '2025-03-15' },
    ].map((a) => JSON.stringify(a)).join('\n'));
    expect(spawnSync(process.execPath, [CLI, 'ingest', articles, '--db', db], { encoding: 'utf8' }).status).toBe(0);
    const run = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'export', 'proposals', '--db', db, ...extra], { encoding: 'utf8' });
    const [header, ...lines] = run().stdout.trim().split('\r\n');
    expect(header).toBe(PROPOSAL_COLUMNS.map((c) => c.name).join(','));
    expect(lines).toHaveLength(2);
    const rejected = run('--party', 'pe', '--status', 'rejected').stdout.trim().split('\r\n');
    expect(rejected).toEqual([header, expect.stringMatching(/^CL,PE,30-day ceasefire,rejected,2025-03-11,2025-03-14,PE:rejected:2025-03-14,.*,2,https:\/\/paper\.example\.org\/truce https:\/\/paper\.example\.org\/no$/)]);
    expect(JSON.parse(run('--format', 'json', '--party', 'BO').stdout)).toMatchObject([{ proposer: ['BO'], status: 'proposed' }]);
    const wrong = run('--status', 'pledged');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--status of a proposal must be proposed, accepted, rejected, pending, withdrawn');
  });

  it('prints totals by donor with yearly figures apart, and the EU shared out to its members on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgewatch-totals-'));
    const db = join(dir, 'ledger.db');
    const articles = join(dir, 'articles.jsonl');
    writeFileSync(articles, [
      { text: 'Lithuania will give 0.25 percent of its GDP annually to Ukraine.', published: '2025-03-01' },
      { text: 'Lithuania pledged EUR 10 million to Ukraine.', published: '2025-03-01' },
      { text: 'The European Union will provide EUR 1 billion to Ukraine.', published: '2025-03-01' },
    ].map((a) => JSON.stringify(a)).join('\n'));
    expect(spawnSync(process.execPath, [CLI, 'ingest', articles, '--db', db], { encoding: 'utf8' }).status).toBe(0);
    const totals = (...extra: string[]) => spawnSync(process.execPath, [CLI, 'ledger', '--totals', '--db', db, ...extra], { encoding: 'utf8' }).stdout;
    expect(totals()).toMatch(/^LT · €10\.0m \(0\.01\d % GDP\) · €\d+\.\dm a year \(0\.250 % GDP\) · 2 commitments$/m);
    expect(totals()).toMatch(/^EU · €1\.00bn · 1 commitment$/m);
    const shared = totals('--eu-shared');
    expect(shared).not.toMatch(/^EU /m);
    expect(shared).toMatch(/^DE · €2\d\d\.\dm/m);
    expect(shared).toContain('27 donors, the EU institutions shared out to the member states');
  });

  it('docs/DATA.md lists every column of every layout with its unit and meaning, as the exports define them', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'DATA.md'), 'utf8');
    expect(doc).toContain(dictionaryMarkdown());
    expect(doc).toContain(`Dictionary version ${dictionary().version}.`);
  });
});
