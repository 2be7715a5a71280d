import type { ArticleFacts } from '../facts/types.js';
import { analyze } from '../nlp/index.js';
import { Deadline } from './deadline.js';
import { normalize, type NormalizedArticle } from './normalize/index.js';
import { buildContext, extractFacts } from './extract/index.js';
import { parsePublished } from './resolve/dates.js';

export const EXTRACTOR_VERSION = '0.1.0';

export interface PipelineInput {
  text: string;
  /** Publication date (ISO); relative dates are resolved against it. */
  published?: string | null;
  /** How long extraction may take, in milliseconds. */
  timeBudgetMs?: number;
}

export interface PipelineResult extends ArticleFacts {
  normalized: NormalizedArticle;
  extractorVersion: string;
}

/** normalize → extract → resolve, as one pure function of the article and its publication date. */
export function runPipeline(input: PipelineInput): PipelineResult {
  const deadline = new Deadline(input.timeBudgetMs);
  const normalized = normalize(input.text);
  const analysis = analyze(normalized.text);
  deadline.check('reading the text');
  const ctx = buildContext(analysis, { referenceDate: parsePublished(input.published), dateline: normalized.dateline, deadline });
  return { ...extractFacts(ctx), normalized, extractorVersion: EXTRACTOR_VERSION };
}
