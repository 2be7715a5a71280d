// The command line as a new user meets it: help on every command, clear refusals where nothing
// would be done, names accepted where codes are, exit codes a script can rely on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../src/cli/help.js';
import { countArticles } from '../src/ingest/sources.js';
import { openFailures } from '../src/ingest/failures.js';
import { openStore } from '../src/store/index.js';

const CLI = join(import.meta.dirname, '..', 'bin', 'pledgewatch.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledgewatch-cli-'));
  const db = join(dir, 'ledger.db');
  beforeAll(() => {
    const articles = join(dir, 'articles.jsonl');
    writeFileSync(articles, [
      { text: 'Latvia will give 0.25 percent of its GDP annually to Ukraine.', published: '2025-03-01' },
      { text: 'Norway will send 12 howitzers to Ukraine.', published: '2025-03-02' },
    ].map((a) => JSON.stringify(a)).join('\n'));
    expect(cli('ingest', articles, '--db', db).status).toBe(0);
  });

  it('answers --help on every command with its options and an example, exit 0', () => {
    for (const command of Object.keys(COMMAND_HELP)) {
      for (const flag of ['--help', '-h']) {
        const run = cli(command, flag);
        expect(run.status, `${command} ${flag}`).toBe(0);
        expect(run.stdout, command).toContain(`pledgewatch ${command}`);
        expect(run.stdout, command).toMatch(/^Examples?:$/m);
      }
    }
    expect(cli('help').stdout).toContain('pledgewatch COMMAND --help');
    // a usage error says where the options are
    const unknown = cli('ledger', '--colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    expect(unknown.stderr).toContain('pledgewatch ledger --help lists the options');
  });

  it('refuses a database file that is not there instead of creating an empty one', () => {
    const missing = join(dir, 'typo.db');
    for (const args of [['ledger'], ['export', 'commitments'], ['reprocess'], ['backup', join(dir, 'b.jsonl')]]) {
      const run = cli(...args, '--db', missing);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(`there is no database at ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('takes a country by name where it takes a code, and names the valid values of a filter it refuses', () => {
    expect(JSON.parse(cli('ledger', '--db', db, '--donor', 'Latvia', '--json').stdout)).toMatchObject([{ donor: 'LV' }]);
    expect(JSON.parse(cli('ledger', '--db', db, '--donor', 'no', '--json').stdout)).toMatchObject([{ donor: 'NO', amount: 12 }]);
    const category = cli('ledger', '--db', db, '--category', 'weapons');
    expect(category.status).toBe(2);
    expect(category.stderr).toContain("--category must be one of military, financial, humanitarian, security-guarantee, political, reconstruction, other, not 'weapons'");
    const status = cli('ledger', '--db', db, '--status', 'bogus');
    expect(status.status).toBe(2);
    expect(status.stderr).toContain('cancelled, suspended');
    expect(cli('ledger', '--db', db, '--since', '2025-13-45').stderr).toContain("--since must be a date like 2024-01-01, not '2025-13-45'");
    expect(cli('extract', '-', '--published', '2025-02-30').status).toBe(2);
    expect(cli('ledger', '--db', db).stdout).toMatch(/\n2 commitments\n$/);
    expect(cli('ledger', '--db', db, '--donor', 'LV').stdout).toMatch(/\n1 commitment\n$/);
  });

  it('exits 1 when an input could not be read, after storing the rest, and writes no escape codes off a terminal', () => {
    const run = cli('ingest', join(dir, 'no', 'such', 'dir'), '--db', db);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('failed 1');
    expect(run.stderr).toContain(join(dir, 'no', 'such', 'dir'));
    expect(run.stderr).not.toContain('\u001b');
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, Buffer.from([0xff, 0xfe, 0xfd, 0x41, 0xc3, 0x28]));
    const bad = cli('ingest', garbage, '--db', db);
    expect(bad.stderr).toBe(`pledgewatch ingest: ${garbage}: not valid UTF-8 text\n`);
  });

  it('keeps an address it may not read with the failed items, for the workbench to list and retry', async () => {
    // refused by the address policy before any connection is made
    const refused = cli('ingest', 'http://127.0.0.1:9/private', '--db', db);
    expect(refused.status).toBe(1);
    const store = await openStore(db);
    try {
      expect(await openFailures(store.db)).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'http://127.0.0.1:9/private', hasText: false, reason: expect.stringMatching(/loopback/) })]));
    } finally {
      await store.close();
    }
  });

  it('counts progress in articles: known ahead for text files, counted as read when a file may hold many', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pledgewatch-count-'));
    writeFileSync(join(folder, 'a.txt'), 'Norway will send aid to Ukraine.');
    writeFileSync(join(folder, 'b.html'), '<p>Sweden will send aid to Ukraine.</p>');
    writeFileSync(join(folder, 'notes.md'), 'not an article');
    expect(await countArticles([folder])).toBe(2);
    writeFileSync(join(folder, 'more.jsonl'), '{"text":"a"}\n{"text":"b"}\n');
    expect(await countArticles([folder])).toBeNull();
    expect(await countArticles(['https://example.org/feed.xml'])).toBeNull();
  });
});
