// A time budget for one article: extraction checks it between sentences and stops with a clear
// error instead of holding a batch, a worker or a server thread for as long as an input asks.

/** Extraction of one article gives up after this long. */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

export class ExtractionTimeoutError extends Error {}

export class Deadline {
  private readonly at: number;

  constructor(readonly budgetMs: number = DEFAULT_TIME_BUDGET_MS) {
    this.at = performance.now() + budgetMs;
  }

  /** Throws once the budget is spent; `stage` says where extraction stopped. */
  check(stage: string): void {
    if (performance.now() > this.at) {
      throw new ExtractionTimeoutError(`extraction stopped after ${(this.budgetMs / 1000).toFixed(1)} s in ${stage}: the article is too long or too unusual to read in time`);
    }
  }
}
