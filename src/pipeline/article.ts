// One article in, its facts (or a clear error) out: the safe entry point used by the
// CLI batch and, later, by ingestion. Nothing here throws for bad input.
import { ArticleInputSchema } from '../facts/types.js';
import { toContract } from '../facts/serialize.js';
import { detectLanguage, NormalizeError } from './normalize/index.js';
import { ExtractionTimeoutError } from './deadline.js';
import { runPipeline, type PipelineInput, type PipelineResult } from './run-pipeline.js';

/** Articles above this size are refused: news articles are well under it, and extraction time grows with length. */
export const MAX_ARTICLE_CHARS = 5_000_000;
/** Control characters that text does not hold; U+FFFD, a replacement character, is text. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
/** A few stray control characters are dropped by normalization; more than this share is binary data. */
const MAX_CONTROL_SHARE = 0.01;
const CONTROL_ALLOWANCE = 3;

export type ArticleOutcome =
  | { ok: true; output: ReturnType<typeof toContract> }
  | { ok: false; output: { id: string | null; error: string } };

/** Extracts one article given as a parsed JSON object ({id, url, source, published, text}). */
export function extractArticle(raw: unknown): ArticleOutcome {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && raw.id != null ? String(raw.id) : null;
  const parsed = ArticleInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(id, `invalid article: ${issue.path.join('.') || 'input'}: ${issue.message}`);
  }
  const { text, published } = parsed.data;
  const extracted = extractForStorage({ text, published });
  if (!extracted.ok) return fail(id, extracted.error);
  const { result } = extracted;
  const language = detectLanguage(result.normalized.text);
  const extra = { language, extractorVersion: result.extractorVersion, place: result.normalized.dateline?.place ?? null };
  if (language !== 'en') {
    const empty = { persons: [], countries: [], organizations: [], quotes: [], commitments: [], sanctions: [], meetings: [], proposals: [] };
    return { ok: true, output: toContract(id, empty, { ...extra, warning: 'not an English article: no facts extracted' }) };
  }
  return { ok: true, output: toContract(id, result, extra) };
}

/** What extraction gives for one article: its facts, or why it cannot be read. */
export type PipelineOutcome = { ok: true; result: PipelineResult } | { ok: false; error: string };

/** Extracts an article (for the CLI's contract and for storage); a plain object either way, so that it can come from a worker thread. */
export function extractForStorage(input: PipelineInput): PipelineOutcome {
  const problem = checkText(input.text);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, result: runPipeline(input) };
  } catch (err) {
    return { ok: false, error: failureMessage(err) };
  }
}

function failureMessage(err: unknown): string {
  if (err instanceof NormalizeError || err instanceof ExtractionTimeoutError) return err.message;
  return `extraction failed: ${err instanceof Error ? err.message : String(err)}`;
}

/** Why a text cannot be extracted, or null when it can. */
export function checkText(text: string): string | null {
  if (text.trim() === '') return 'empty text';
  if (text.length > MAX_ARTICLE_CHARS) {
    return `article too large: ${(text.length / 1e6).toFixed(1)} million characters (limit ${MAX_ARTICLE_CHARS / 1e6} million)`;
  }
  const sample = text.slice(0, 100_000);
  const controls = sample.match(CONTROL)?.length ?? 0;
  const binary = controls > CONTROL_ALLOWANCE + sample.length * MAX_CONTROL_SHARE || (controls > 0 && sample.replace(CONTROL, '').trim() === '');
  if (binary) return 'binary data, not text';
  return null;
}

function fail(id: string | null, error: string): ArticleOutcome {
  return { ok: false, output: { id, error } };
}
