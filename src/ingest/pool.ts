// Extraction off the event loop: a pool of worker threads (piscina), each with its own copy of
// the language model, so that a long article never stalls the requests a server is answering.
import { Piscina } from 'piscina';
import type { Extracted, Extractor } from './extract.js';
import type { PipelineInput } from '../pipeline/run-pipeline.js';

export interface ExtractionPool {
  extract: Extractor;
  close(): Promise<void>;
}

const WORKER = new URL('./extract-worker.js', import.meta.url);

/**
 * Starts `threads` worker threads and waits until each has read the language model.
 * `tasksAhead`: articles handed to each thread before it finishes the one it is on. A thread is
 * handed its next article by the main thread, so where the main thread is busy for long (storing
 * a batch, synchronously on SQLite) threads given one at a time would stand idle.
 */
export async function startExtractionPool(threads = 1, tasksAhead = 1): Promise<ExtractionPool> {
  const pool = new Piscina<PipelineInput, Extracted>({ filename: WORKER.href, minThreads: threads, maxThreads: threads, idleTimeout: Infinity, concurrentTasksPerWorker: tasksAhead });
  // the first article a thread reads loads the model: pay for it now, not on the first request
  await Promise.all(Array.from({ length: threads }, () => pool.run({ text: 'Norway will send aid to Ukraine.' })));
  return {
    extract: (input) => pool.run(input),
    close: () => pool.destroy(),
  };
}
