import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { extractArticle } from '../pipeline/article.js';
import { isCalendarDate } from './common.js';
import { formatSummary } from './summary.js';

export async function runExtractCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, published: { type: 'string' }, explain: { type: 'boolean' } },
    });
  } catch (err) {
    process.stderr.write(`pledgewatch extract: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.published !== undefined && !isCalendarDate(values.published)) {
    process.stderr.write(`pledgewatch extract: --published must be a date like 2025-04-08, not '${values.published}'\n`);
    return 2;
  }
  if (values.jsonl) return extractJsonl(process.stdin);
  const path = positionals[0];
  if (!path) {
    process.stderr.write('pledgewatch extract: name a file, or - for standard input, or use --jsonl\n');
    return 2;
  }
  let text: string;
  try {
    text = path === '-' ? await readStream(process.stdin) : await readFile(path, 'utf8');
  } catch (err) {
    process.stderr.write(`pledgewatch extract: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 1;
  }
  const outcome = extractArticle({ id: path === '-' ? 'stdin' : path, text, published: values.published ?? null });
  if (!outcome.ok) {
    process.stderr.write(`pledgewatch extract: ${path}: ${outcome.output.error}\n`);
    return 1;
  }
  process.stdout.write(values.json ? `${JSON.stringify(outcome.output, null, 2)}\n` : formatSummary(outcome.output, { explain: values.explain ?? false }));
  return 0;
}

/** The batch contract: one output line per input line, in order; a bad line gets an error line, never a crash. */
async function extractJsonl(input: NodeJS.ReadableStream): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      process.stderr.write(`pledgewatch extract: line ${n}: not JSON, skipped\n`);
      await write(JSON.stringify({ id: null, line: n, error: `line ${n} is not JSON` }));
      continue;
    }
    const outcome = extractArticle(record);
    if (!outcome.ok) process.stderr.write(`pledgewatch extract: line ${n}${outcome.output.id ? ` (${outcome.output.id})` : ''}: ${outcome.output.error}\n`);
    await write(JSON.stringify(outcome.output));
  }
  return 0;
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await once(process.stdout, 'drain');
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
