// What ingestion asks of extraction, wherever it runs: in this thread, or on a worker thread of
// the pool (pool.ts) so that the thread that stores articles is free while the next are read.
import type { PipelineInput, PipelineResult } from '../pipeline/run-pipeline.js';

/** An article's facts and its MinHash signature (the costliest step after extraction), or why it cannot be read. */
export type Extracted = { ok: true; result: PipelineResult; signature: number[] } | { ok: false; error: string };

/** Runs extraction for ingestion: in this thread by default; the server and `ingest` hand it to worker threads. */
export type Extractor = (input: PipelineInput) => Promise<Extracted>;

/** Extracts in this thread. The pipeline and its language model load on first use: a process that extracts on worker threads never loads them. */
export const extractInThisThread: Extractor = async (input) => (await import('./extract-worker.js')).default(input);
