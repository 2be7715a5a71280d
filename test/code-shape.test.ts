// The extractor's shape, checked on its source: short files, short functions, and no English
// word list outside src/lexicons/ (the pipeline reads its words from the lexicons).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const PIPELINE = join(ROOT, 'src', 'pipeline');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const files = sourceFiles(PIPELINE).map((path) => ({
  path: relative(ROOT, path),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

function visit(node: ts.Node, each: (n: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

const lineOf = (source: ts.SourceFile, pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;

/** A lower-case English word of two letters or more (not a rule id, a tag or a code). */
const WORD = /^[a-z][a-z’'-]+$/;

/** Lists of English words in code: arrays and sets of two or more word strings, and regexes alternating two or more words. */
export function wordListsIn(source: ts.SourceFile): string[] {
  const found: string[] = [];
  visit(source, (n) => {
    // an array asserted `as const` names the code's own fields for the compiler to check, not words of a language
    if (ts.isArrayLiteralExpression(n) && !(ts.isAsExpression(n.parent) && n.parent.type.getText() === 'const')) {
      const words = n.elements.filter((e) => ts.isStringLiteral(e) && WORD.test(e.text));
      if (words.length >= 2) found.push(`${lineOf(source, n.getStart())}: [${words.map((w) => w.getText()).join(', ')}]`);
    }
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const body = n.getText().replace(/^\/|\/[a-z]*$/g, '');
      const alternatives = body.split('|').map((a) => a.replace(/^[(^\\b?:]+|[)$?\\b]+$/g, ''));
      // "plans", "January" are words; "ADJ|NOUN" are tags
      const wordy = alternatives.filter((a) => /^[A-Za-z][a-z]{2,}/.test(a));
      if (alternatives.length >= 2 && wordy.length >= 2) found.push(`${lineOf(source, n.getStart())}: ${n.getText()}`);
    }
  });
  return found;
}

describe('the extractor’s shape', () => {
  it('keeps every extractor file under 400 lines', () => {
    const long = files.filter((f) => f.source.getLineStarts().length > 400).map((f) => `${f.path}: ${f.source.getLineStarts().length} lines`);
    expect(long).toEqual([]);
  });

  it('keeps every function under 80 lines', () => {
    const long: string[] = [];
    for (const { path, source } of files) {
      visit(source, (n) => {
        if (!(ts.isFunctionLike(n) && 'body' in n && n.body)) return;
        const lines = lineOf(source, n.end) - lineOf(source, n.getStart()) + 1;
        if (lines > 80) long.push(`${path}:${lineOf(source, n.getStart())} ${(n as ts.FunctionDeclaration).name?.getText() ?? '(function)'}: ${lines} lines`);
      });
    }
    expect(long).toEqual([]);
  });

  it('holds no English word list under src/pipeline', () => {
    const lists = files.flatMap(({ path, source }) => wordListsIn(source).map((l) => `${path}:${l}`));
    expect(lists).toEqual([]);
  });

  it('finds a word list where one is written (the check can fail)', () => {
    const sample = ts.createSourceFile('x.ts', "const A = new Set(['will', 'would']);\nconst B = /\\b(troops|soldiers)\\b/;\nconst C = ['NOUN', 'VERB'];\nconst D = /^(ADJ|NOUN)$/;\nconst E = ['lower', 'pos'] as const;", ts.ScriptTarget.Latest, true);
    expect(wordListsIn(sample)).toEqual(["1: ['will', 'would']", '2: /\\b(troops|soldiers)\\b/']);
  });
});
