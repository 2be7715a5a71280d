import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp/index.js';

const sentences = (text: string) => {
  const a = analyze(text);
  return a.sentences.map((s) => text.slice(s.start, s.end));
};

describe('analyze', () => {
  it('gives every word its exact offsets', () => {
    const text = 'Kęstutis Budrys said: “We will give €190m.”\n\nLithuania’s aid grows.';
    const a = analyze(text);
    for (const w of a.words) expect(text.slice(w.start, w.end)).toBe(w.text);
    // wink splits "Kęstutis" at the accented letter; the word comes back whole
    expect(a.words[0].text).toBe('Kęstutis');
  });

  it('ends sentences at full stops but not at abbreviations', () => {
    expect(sentences('Mr. Healey met Gen. Smith in Washington D.C. on Feb. 24 in the U.S. capital. He left.')).toEqual([
      'Mr. Healey met Gen. Smith in Washington D.C. on Feb. 24 in the U.S. capital.',
      'He left.',
    ]);
  });

  it('keeps a closing quote with its sentence and starts a new one at an opening quote', () => {
    expect(sentences('"We stand firm," he said. "More will come." Then he left.')).toEqual([
      '"We stand firm," he said.',
      '"More will come."',
      'Then he left.',
    ]);
  });

  it('breaks sentences and paragraphs at line breaks', () => {
    const a = analyze('Headline without a stop\nFirst paragraph. Still first.\n\nSecond paragraph');
    expect(a.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
  });

  it('does not split inside a number', () => {
    expect(sentences('The plan is worth EUR1.8 billion and more. Next.')).toHaveLength(2);
  });
});
