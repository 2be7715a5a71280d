// The pattern engine on token tables of its own: operators, captures, mentions, word sets,
// leftmost-longest matching, and a step count that stays linear on inputs that defeat backtracking.
import { describe, expect, it } from 'vitest';
import { anyCouldMatch, CompiledPattern, compilePatterns, familyGate, PatternError, shapeOf, type PatternSpec, type TokenView } from '../src/pipeline/match/index.js';

/** Tokens as "word/POS"; a mention is written [KIND word word]. Counts every attribute read. */
function view(sentence: string): TokenView & { reads: number } {
  const tokens: Array<{ text: string; pos: string }> = [];
  const mentions = new Map<number, { kind: string; end: number }>();
  const re = /\[(\w+) ([^\]]+)\]|(\S+)/g;
  for (const m of sentence.matchAll(re)) {
    if (m[1]) {
      const start = tokens.length;
      for (const w of m[2].split(' ')) tokens.push({ text: w, pos: 'PROPN' });
      mentions.set(start, { kind: m[1], end: tokens.length });
    } else {
      const [text, pos = 'X'] = m[3].split('/');
      tokens.push({ text, pos });
    }
  }
  const v = {
    reads: 0,
    length: tokens.length,
    lower: (i: number) => (v.reads++, tokens[i].text.toLowerCase()),
    lemma: (i: number) => (v.reads++, tokens[i].text.toLowerCase().replace(/s$/, '')),
    pos: (i: number) => (v.reads++, tokens[i].pos),
    text: (i: number) => (v.reads++, tokens[i].text),
    shape: (i: number) => (v.reads++, shapeOf(tokens[i].text)),
    cap: (i: number) => (v.reads++, /^[A-Z]/.test(tokens[i].text)),
    vocabulary: (from: number, to: number) => new Set(tokens.slice(from, to).flatMap((t) => [t.text.toLowerCase(), t.text.toLowerCase().replace(/s$/, '')])),
    mentionEnd: (i: number, kind: string) => {
      const m = mentions.get(i);
      return m && (m.kind === kind || (kind === 'PARTY' && ['STATE', 'ORG', 'PERSON'].includes(m.kind))) ? m.end : -1;
    },
  };
  return v;
}

const SETS = new Map([['supportNouns', new Set(['aid', 'loan', 'grant'])]]);
const compile = (pattern: PatternSpec['pattern']) => CompiledPattern.compile({ id: 't', why: 'test', pattern }, (n) => SETS.get(n));
const spans = (p: CompiledPattern, s: string) => {
  const v = view(s);
  return p.findAll(v).map((m) => [m.start, m.end, Object.fromEntries(Object.entries(m.captures).map(([k, c]) => [k, [c.start, c.end]]))]);
};

describe('the pattern engine', () => {
  it('matches a sequence of tests, leftmost and without overlap', () => {
    const p = compile([{ lower: 'a' }, { lower: 'b' }]);
    expect(spans(p, 'a b a a b b a b')).toEqual([[0, 2, {}], [3, 5, {}], [6, 8, {}]]);
  });

  it('knows ?, + and *, greedily', () => {
    expect(spans(compile([{ lower: 'big', op: '?' }, { lower: 'loan' }]), 'a big loan and a loan')).toEqual([[1, 3, {}], [5, 6, {}]]);
    expect(spans(compile([{ pos: 'ADJ', op: '+' }, { pos: 'NOUN' }]), 'a/DET new/ADJ large/ADJ loan/NOUN loan/NOUN')).toEqual([[1, 4, {}]]);
    expect(spans(compile([{ pos: 'ADJ', op: '*' }, { pos: 'NOUN' }]), 'loan/NOUN new/ADJ loan/NOUN')).toEqual([[0, 1, {}], [1, 3, {}]]);
    expect(spans(compile([{ lower: 'x', op: '+' }]), 'x x x y x')).toEqual([[0, 3, {}], [4, 5, {}]]);
  });

  it('captures named spans, a whole mention at a time', () => {
    const p = compile([{ lemma: { set: 'supportNouns' }, capture: 'trigger' }, { lower: 'from' }, { lower: 'the', op: '?' }, { mention: 'PARTY', capture: 'donor' }]);
    expect(spans(p, 'a grant from the [ORG Government of Norway] and loans from [STATE Canada]')).toEqual([
      [1, 7, { trigger: [1, 2], donor: [4, 7] }],
      [8, 11, { trigger: [8, 9], donor: [10, 11] }],
    ]);
    // a mention is consumed whole or not at all
    expect(spans(compile([{ mention: 'STATE' }, { lower: 'of' }]), '[ORG Government of Norway]')).toEqual([]);
  });

  it('tests lists, sets, case, negation and part of speech', () => {
    expect(spans(compile([{ lower: { in: ['will', 'would'] } }, { pos: 'VERB' }]), 'would/AUX send/VERB will/AUX aid/NOUN')).toEqual([[0, 2, {}]]);
    expect(spans(compile([{ cap: true }, { lower: 'said' }]), 'he said Ann said')).toEqual([[2, 4, {}]]);
    expect(spans(compile([{ lower: 'no', not: true }, { lower: 'aid' }]), 'no aid more aid')).toEqual([[2, 4, {}]]);
  });

  it('tests the shape of a word', () => {
    expect(['18th', 'EU', 'Kyiv', '2,500', 'F-16', 'eight'].map(shapeOf)).toEqual(['dx', 'X', 'Xx', 'd,d', 'X-d', 'x']);
    expect(spans(compile([{ shape: 'dx' }, { lower: 'package' }]), 'the 18th package and the new package')).toEqual([[1, 3, {}]]);
  });

  it('prefers the longest match at the leftmost start', () => {
    expect(spans(compile([{ lower: 'a' }, { lower: 'b', op: '*' }, { lower: 'c', op: '?' }]), 'a b b c a')).toEqual([[0, 4, {}], [4, 5, {}]]);
  });

  it('stays linear where backtracking would not', () => {
    // every start reads ahead to the end before failing: a backtracking matcher reads n²/2 tokens
    const n = 20_000;
    const v = view(`${'x '.repeat(n)}`);
    const p = compile([{ lower: 'x', op: '+' }, { lower: 'y' }]);
    expect(p.findAll(v)).toEqual([]);
    expect(v.reads).toBeLessThan(5 * n);
    const nested = compile([{ lower: 'x', op: '*' }, { lower: 'x', op: '*' }, { lower: 'x', op: '*' }, { lower: 'y' }]);
    const w = view(`${'x '.repeat(n)}`);
    expect(nested.findAll(w)).toEqual([]);
    expect(w.reads).toBeLessThan(10 * n);
  });

  it('passes over a text that lacks the words a family of patterns needs, without running them', () => {
    const family = [
      compile([{ lower: 'the' }, { lower: 'summit', capture: 'trigger' }]),
      compile([{ lower: { in: ['grant', 'loan'] } }, { lower: 'from' }]),
    ];
    const gate = familyGate(family);
    // the trigger word stands for the first pattern, the shortest list for the second
    expect([...gate!].sort()).toEqual(['from', 'summit']);
    const quiet = view('the leaders met in the capital');
    expect(anyCouldMatch(gate, quiet, 0, quiet.length)).toBe(false);
    const busy = view('after the summit the leaders left');
    expect(anyCouldMatch(gate, busy, 0, busy.length)).toBe(true);
    expect(family[0].findAll(busy)).toHaveLength(1);
    expect(familyGate([compile([{ pos: 'NOUN' }])])).toBeNull();
  });

  it('refuses patterns it cannot run, and ids used twice', () => {
    expect(() => compile([])).toThrow(PatternError);
    expect(() => compile([{ op: '?' }])).toThrow(/nothing to test/);
    expect(() => compile([{ lower: { set: 'nope' } }])).toThrow(/no word set named 'nope'/);
    expect(() => compilePatterns([{ id: 'a', why: 'x', pattern: [{ lower: 'a' }] }, { id: 'a', why: 'y', pattern: [{ lower: 'b' }] }], () => undefined)).toThrow(/used twice/);
    expect(() => compilePatterns([{ id: 'a', why: '', pattern: [{ lower: 'a' }] }], () => undefined)).toThrow(/says why/);
  });
});
