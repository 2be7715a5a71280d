// The article as the pattern engine sees it: its words, and its mentions by kind.
import { shapeOf, type TokenView } from '../match/index.js';
import { shallowParse, type ShallowParse } from '../parse/index.js';
import { isCountry, isOrg, isPerson, type ArticleContext } from './context.js';

/**
 * Mention kinds a pattern can ask for: STATE (a country by name or capital), DEMONYM, ORG,
 * PERSON, and PARTY (any state, organization or person that can act).
 */
export function articleView(ctx: ArticleContext): TokenView {
  let view = views.get(ctx);
  if (!view) views.set(ctx, (view = buildView(ctx)));
  return view;
}

/** One view an article, shared by the frames: its word sets per sentence are built once. */
const views = new WeakMap<ArticleContext, TokenView>();

/** The article's shallow parse, built once and shared by the frames; a mention is never split. */
export function articleParse(ctx: ArticleContext): ShallowParse {
  let parse = parses.get(ctx);
  if (!parse) {
    const mentionEnd = (i: number) => (ctx.owner[i]?.first === i ? ctx.owner[i]!.last : -1);
    parses.set(ctx, (parse = shallowParse(ctx.words, { mentionEnd })));
  }
  return parse;
}

const parses = new WeakMap<ArticleContext, ShallowParse>();

function buildView(ctx: ArticleContext): TokenView {
  const words = ctx.words;
  const shapes: Array<string | undefined> = new Array(words.length);
  const vocabularies = new Map<string, Set<string>>();
  return {
    length: words.length,
    lower: (i) => words[i].lower,
    lemma: (i) => words[i].lemma,
    pos: (i) => words[i].pos,
    text: (i) => words[i].text,
    shape: (i) => (shapes[i] ??= shapeOf(words[i].text)),
    cap: (i) => words[i].cap,
    vocabulary: (from, to) => {
      const key = `${from}:${to}`;
      let set = vocabularies.get(key);
      if (!set) {
        set = new Set();
        for (let i = from; i < to; i++) set.add(words[i].lower).add(words[i].lemma);
        vocabularies.set(key, set);
      }
      return set;
    },
    mentionEnd: (i, kind) => {
      const o = ctx.owner[i];
      if (!o || o.first !== i) return -1;
      const demonym = isCountry(o) && o.form === 'demonym';
      const ok =
        kind === 'PARTY' ? (isCountry(o) && !demonym) || isOrg(o) || isPerson(o)
        : kind === 'STATE' ? isCountry(o) && !demonym
        : kind === 'DEMONYM' ? demonym
        : kind === 'ORG' ? isOrg(o)
        : kind === 'PERSON' ? isPerson(o)
        : false;
      return ok ? o.last : -1;
    },
  };
}
