// The pure part of ingestion: everything done to an article before the database sees it, so
// that it can run on a worker thread (see pool.ts) and hand back plain data.
import { signature } from '../ledger/stories.js';
import { extractForStorage } from '../pipeline/article.js';
import type { PipelineInput, PipelineResult } from '../pipeline/run-pipeline.js';

/** An article's facts and its MinHash signature (the costliest step after extraction), or why it cannot be read. */
export type Extracted = { ok: true; result: PipelineResult; signature: number[] } | { ok: false; error: string };

export function extractForIngest(input: PipelineInput): Extracted {
  const outcome = extractForStorage(input);
  return outcome.ok ? { ...outcome, signature: signature(outcome.result.normalized.text) } : outcome;
}

/** Runs extractForIngest: in this thread by default; the server hands it to a worker thread. */
export type Extractor = (input: PipelineInput) => Promise<Extracted>;

export const extractInThisThread: Extractor = async (input) => extractForIngest(input);
