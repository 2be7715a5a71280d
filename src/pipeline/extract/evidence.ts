import type { Evidence } from '../../facts/types.js';
import type { ArticleContext, Span } from './context.js';

/** Evidence for a word span; the text is always `ctx.text.slice(start, end)`. */
export function evidenceOf(ctx: ArticleContext, span: Span, rule: string): Evidence {
  const start = ctx.words[span.first].start;
  const end = ctx.words[span.last - 1].end;
  return { start, end, text: ctx.text.slice(start, end), rule };
}

/** Evidence for a character range. */
export function evidenceAt(ctx: ArticleContext, start: number, end: number, rule: string): Evidence {
  return { start, end, text: ctx.text.slice(start, end), rule };
}
