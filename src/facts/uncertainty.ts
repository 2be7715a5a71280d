// How much of a fact the extractor guessed: the fields its rules filled by a default (the
// article's main donor, "pledged" when no verb says more), by carrying over an earlier sentence's
// party, through a pronoun or the dateline, or left undecided. The review queue puts the most
// guessed first. The markers are the rule ids' own naming convention (src/lexicons/rules/ and the frames).
const GUESSED = /default|previous|pronoun|dateline|\.none$/;

export function guessedFields(rules: unknown): number {
  if (!rules || typeof rules !== 'object') return 0;
  return Object.values(rules as Record<string, unknown>).filter((rule) => rule === null || (typeof rule === 'string' && GUESSED.test(rule))).length;
}
