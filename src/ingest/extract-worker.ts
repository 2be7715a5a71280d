// The worker-thread side of the extraction pool: one article in, its facts and signature out.
import { extractForIngest, type Extracted } from './extract.js';
import type { PipelineInput } from '../pipeline/run-pipeline.js';

export default function extractInWorker(input: PipelineInput): Extracted {
  return extractForIngest(input);
}
