// A token-pattern matcher in the spirit of spaCy's Matcher and compromise's match syntax. A
// pattern is data: a sequence of token tests with `?`, `+`, `*` and named captures. The engine
// knows no English: word lists are named sets that the caller resolves, and mentions (a state,
// a person, an amount, …) are spans the caller marks. Patterns are compiled once into a small
// program and run as a Pike VM: every (token, instruction) pair is visited at most once per
// pattern, so matching is linear in the number of tokens whatever the input.

/** A value test: one string, any of a list, or membership of a named word set. */
export type ValueTest = string | { in: string[] } | { set: string };

export interface TokenTest {
  lower?: ValueTest;
  lemma?: ValueTest;
  pos?: ValueTest;
  /** The token's own spelling, case kept. */
  text?: ValueTest;
  /** Letters as x or X and digits as d, runs folded: "18th" → "dx", "EU" → "X", "Kyiv" → "Xx", "2,500" → "d,d". */
  shape?: ValueTest;
  /** A mention of this kind starts here; the test consumes the whole mention. */
  mention?: string;
  /** Starts with a capital letter. */
  cap?: boolean;
  /** Negates the test (not usable with `mention`). */
  not?: boolean;
  op?: '?' | '+' | '*';
  capture?: string;
}

export interface PatternSpec {
  id: string;
  why: string;
  pattern: TokenTest[];
}

/** What the matcher sees of a text: tokens by index, word sets by name and mention spans. */
export interface TokenView {
  readonly length: number;
  lower(i: number): string;
  lemma(i: number): string;
  pos(i: number): string;
  text(i: number): string;
  shape(i: number): string;
  cap(i: number): boolean;
  /** The index just past the mention of `kind` that starts at token `i`, or -1. */
  mentionEnd(i: number, kind: string): number;
  /** Every lower-cased form and lemma in tokens `[from, to)`; lets a pattern that needs a word absent there be skipped at once. */
  vocabulary(from: number, to: number): ReadonlySet<string>;
}

export type WordSets = (name: string) => ReadonlySet<string> | undefined;

export interface Match {
  id: string;
  /** Token range `[start, end)`. */
  start: number;
  end: number;
  captures: Record<string, { start: number; end: number }>;
}

type Instruction =
  | { op: 'test'; test: CompiledTest }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'match' };

interface CompiledTest {
  mention?: string;
  check: (view: TokenView, i: number) => boolean;
}

export class PatternError extends Error {}

export class CompiledPattern {
  private constructor(
    readonly id: string,
    private readonly program: Instruction[],
    private readonly captureNames: string[],
    /** For each required word test, the words it accepts: a text with none of one list cannot match. */
    private readonly required: Array<ReadonlySet<string>>,
    /** One of those lists (the trigger word's, else the shortest): what a family of patterns needs at the least. */
    readonly gate: ReadonlySet<string> | null,
  ) {}

  static compile(spec: PatternSpec, sets: WordSets): CompiledPattern {
    if (spec.pattern.length === 0) throw new PatternError(`${spec.id}: empty pattern`);
    const program: Instruction[] = [];
    const captureNames: string[] = [];
    for (const test of spec.pattern) {
      const compiled = compileTest(spec.id, test, sets);
      let slot = -1;
      if (test.capture) {
        slot = captureNames.indexOf(test.capture);
        if (slot < 0) slot = captureNames.push(test.capture) - 1;
        program.push({ op: 'save', slot: 2 * slot });
      }
      const at = program.length;
      if (test.op === '?') {
        program.push({ op: 'split', first: at + 1, second: at + 2 }, { op: 'test', test: compiled });
      } else if (test.op === '*') {
        program.push({ op: 'split', first: at + 1, second: at + 3 }, { op: 'test', test: compiled }, { op: 'jump', to: at });
      } else if (test.op === '+') {
        program.push({ op: 'test', test: compiled }, { op: 'split', first: at, second: at + 2 });
      } else {
        program.push({ op: 'test', test: compiled });
      }
      if (slot >= 0) program.push({ op: 'save', slot: 2 * slot + 1 });
    }
    program.push({ op: 'match' });
    // the words a required test accepts (by form or lemma) make a cheap filter
    const wordTests = spec.pattern.filter((t) => (t.op === undefined || t.op === '+') && !t.not && (t.lower !== undefined || t.lemma !== undefined));
    const accepted = (t: TokenTest) => [t.lower, t.lemma].filter((v): v is ValueTest => v !== undefined).map((v) => acceptedWords(v, sets));
    const required = wordTests.flatMap(accepted);
    // the gate: the word captured as "trigger", else the required word list with the fewest words
    const triggerTest = wordTests.find((t) => t.capture === 'trigger');
    const gate = triggerTest ? accepted(triggerTest)[0] : required.reduce<ReadonlySet<string> | null>((best, r) => (!best || r.size < best.size ? r : best), null);
    return new CompiledPattern(spec.id, program, captureNames, required, gate);
  }

  /** Leftmost, greedy, non-overlapping matches in tokens `[from, to)`. */
  findAll(view: TokenView, from = 0, to = view.length): Match[] {
    if (this.required.length > 0) {
      const words = view.vocabulary(from, to);
      if (!this.required.every((accepted) => someIn(accepted, words))) return [];
    }
    const matches: Match[] = [];
    let start = from;
    while (start < to) {
      const found = this.firstFrom(view, start, to);
      if (!found) break;
      matches.push(found);
      start = Math.max(found.end, found.start + 1);
    }
    return matches;
  }

  /** The leftmost match that starts at or after `from` (Pike VM; threads in priority order). */
  private firstFrom(view: TokenView, from: number, to: number): Match | null {
    const slots = this.captureNames.length * 2;
    const opening = this.openingTest();
    // an instruction is followed once a token: `seen[pc] === p + 1` means "already followed at token p"
    const seen = new Int32Array(this.program.length);
    // pending[p]: threads that resume at token p (a mention test moves a thread several tokens on)
    const pending = new Map<number, Thread[]>();
    let best: { start: number; end: number; saved: Int32Array } | null = null;
    for (let p = from; p <= to; p++) {
      const threads = pending.get(p) ?? [];
      pending.delete(p);
      // a new thread starts only where the pattern's first, required test can pass
      if (!best && p < to && (!opening || advance(opening, view, p, to) >= 0)) {
        threads.push({ pc: 0, start: p, saved: new Int32Array(slots).fill(-1) });
      }
      if (threads.length === 0) {
        if (pending.size === 0 && (best || p >= to)) break;
        continue;
      }
      const ready: Thread[] = [];
      for (const t of threads) this.follow(t.pc, t.start, t.saved, p, seen, ready);
      for (const t of ready) {
        const ins = this.program[t.pc];
        if (ins.op === 'match') {
          if (best && t.start > best.start) continue;
          // a match ends the lower-priority threads; the ones before it may still grow longer
          best = { start: t.start, end: p, saved: t.saved };
          for (const [at, list] of pending) {
            const kept = list.filter((other) => other.start <= t.start);
            if (kept.length > 0) pending.set(at, kept);
            else pending.delete(at);
          }
          break;
        }
        if (ins.op !== 'test' || p >= to) continue;
        const next = advance(ins.test, view, p, to);
        if (next < 0) continue;
        const list = pending.get(next);
        const resumed = { pc: t.pc + 1, start: t.start, saved: t.saved };
        if (list) list.push(resumed);
        else pending.set(next, [resumed]);
      }
      if (best && pending.size === 0) break;
      if (!best && pending.size === 0 && p >= to) break;
    }
    if (!best) return null;
    const captures: Match['captures'] = {};
    this.captureNames.forEach((name, k) => {
      const s = best!.saved[2 * k];
      const e = best!.saved[2 * k + 1];
      // an optional capture that took no token is absent
      if (s >= 0 && e > s) captures[name] = { start: s, end: e };
    });
    return { id: this.id, start: best.start, end: best.end, captures };
  }

  /** The test every match begins with, when the program starts with one (no optional or capture before it). */
  private openingTest(): CompiledTest | null {
    const first = this.program[0];
    return first.op === 'test' ? first.test : null;
  }

  /** Follows jumps, splits and saves from `pc` to the tests and matches reachable without a token, in priority order. */
  private follow(pc: number, start: number, saved: Int32Array, p: number, seen: Int32Array, out: Thread[]): void {
    if (seen[pc] === p + 1) return;
    seen[pc] = p + 1;
    const ins = this.program[pc];
    if (ins.op === 'jump') return this.follow(ins.to, start, saved, p, seen, out);
    if (ins.op === 'split') {
      this.follow(ins.first, start, saved, p, seen, out);
      return this.follow(ins.second, start, saved, p, seen, out);
    }
    if (ins.op === 'save') {
      const copy = saved.slice();
      copy[ins.slot] = p;
      return this.follow(pc + 1, start, copy, p, seen, out);
    }
    out.push({ pc, start, saved });
  }
}

function acceptedWords(value: ValueTest, sets: WordSets): ReadonlySet<string> {
  if (typeof value === 'string') return new Set([value]);
  if ('in' in value) return new Set(value.in);
  return sets(value.set) ?? new Set();
}

/** Whether the two sets share a word, iterating the smaller. */
function someIn(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (large.has(w)) return true;
  return false;
}

interface Thread {
  pc: number;
  start: number;
  saved: Int32Array;
}

/** Where a thread goes on after a test at token p: p + 1, past a whole mention, or -1 when it fails. */
function advance(test: CompiledTest, view: TokenView, p: number, to: number): number {
  if (test.mention) {
    const end = view.mentionEnd(p, test.mention);
    return end > p && end <= to && test.check(view, p) ? end : -1;
  }
  return test.check(view, p) ? p + 1 : -1;
}

const FIELDS = ['lower', 'lemma', 'pos', 'text', 'shape'] as const;

/** The shape of a word, for TokenView.shape. */
export function shapeOf(text: string): string {
  return text.replace(/\p{Lu}+/gu, 'X').replace(/[\p{Ll}\p{Lo}\p{M}]+/gu, 'x').replace(/\p{N}+/gu, 'd');
}

function compileTest(id: string, test: TokenTest, sets: WordSets): CompiledTest {
  const checks: Array<(view: TokenView, i: number) => boolean> = [];
  for (const field of FIELDS) {
    const value = test[field];
    if (value === undefined) continue;
    const accepts = valueTest(id, value, sets);
    checks.push((view, i) => accepts(view[field](i)));
  }
  if (test.cap !== undefined) checks.push((view, i) => view.cap(i) === test.cap);
  if (test.mention && test.not) throw new PatternError(`${id}: a mention test cannot be negated`);
  if (checks.length === 0 && !test.mention) throw new PatternError(`${id}: a token test with nothing to test`);
  const all = (view: TokenView, i: number) => checks.every((c) => c(view, i));
  return { mention: test.mention, check: test.not ? (view, i) => !all(view, i) : all };
}

function valueTest(id: string, value: ValueTest, sets: WordSets): (s: string) => boolean {
  if (typeof value === 'string') return (s) => s === value;
  if ('in' in value) {
    const set = new Set(value.in);
    return (s) => set.has(s);
  }
  const named = sets(value.set);
  if (!named) throw new PatternError(`${id}: no word set named '${value.set}'`);
  return (s) => named.has(s);
}

/**
 * Whether any of `patterns` could match in tokens `[from, to)`: false when the text holds none of
 * the words that one of them needs at the least (a pattern with no word test can always match).
 */
export function anyCouldMatch(gate: ReadonlySet<string> | null, view: TokenView, from: number, to: number): boolean {
  if (gate === null) return true;
  // one look at each word: cheaper than building the text's vocabulary, which most texts then never need
  for (let i = from; i < to; i++) if (gate.has(view.lower(i)) || gate.has(view.lemma(i))) return true;
  return false;
}

/**
 * Matches of a family in text order, none overlapping: where two overlap, the one that comes
 * first in `matches` (the pattern listed first in its rule file) wins ("its 20th sanctions
 * package" over "adopted its 20th sanctions").
 */
export function firstOfOverlapping(matches: readonly Match[]): Match[] {
  const kept: Match[] = [];
  for (const m of matches) if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** The union of the patterns' gates, or null when one pattern tests no word. */
export function familyGate(patterns: CompiledPattern[]): ReadonlySet<string> | null {
  const union = new Set<string>();
  for (const p of patterns) {
    if (!p.gate) return null;
    for (const w of p.gate) union.add(w);
  }
  return union;
}

/** Compiles a rule file's patterns once; an id used twice is an error. */
export function compilePatterns(specs: PatternSpec[], sets: WordSets): Map<string, CompiledPattern> {
  const out = new Map<string, CompiledPattern>();
  for (const spec of specs) {
    if (out.has(spec.id)) throw new PatternError(`pattern id '${spec.id}' is used twice`);
    if (!spec.why?.trim()) throw new PatternError(`${spec.id}: every pattern says why it exists`);
    out.set(spec.id, CompiledPattern.compile(spec, sets));
  }
  return out;
}
