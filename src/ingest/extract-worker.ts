// Extraction for ingestion, the work a pool thread (pool.ts) runs: one article in, its facts
// and signature out, as plain data that can cross to another thread.
import { signature } from '../ledger/stories.js';
import { extractForStorage } from '../pipeline/article.js';
import type { PipelineInput } from '../pipeline/run-pipeline.js';
import type { Extracted } from './extract.js';

export default function extractForIngest(input: PipelineInput): Extracted {
  const outcome = extractForStorage(input);
  return outcome.ok ? { ...outcome, signature: signature(outcome.result.normalized.text) } : outcome;
}
