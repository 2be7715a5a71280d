import { describe, expect, it } from 'vitest';
import { findQuantities, parseNumber } from '../src/pipeline/resolve/amounts.js';

const one = (text: string) => {
  const found = findQuantities(text).filter((q) => !q.conversion);
  expect(found, text).toHaveLength(1);
  return found[0];
};

describe('amounts', () => {
  it.each([
    ['a €190m package', 190e6, 'EUR'],
    ['1.3 billion euros for air defence', 1.3e9, 'EUR'],
    ['SEK 75bn over ten years', 75e9, 'SEK'],
    ['DKK 23.5 billion in total', 23.5e9, 'DKK'],
    ['¥15.8 billion in grants', 15.8e9, 'JPY'],
    ['15.8-billion-yen aid', 15.8e9, 'JPY'],
    ['EUR1.8 billion', 1.8e9, 'EUR'],
    ['USD 50 billion loan', 50e9, 'USD'],
    ['£3 billion a year', 3e9, 'GBP'],
    ['US$50 million for drones', 50e6, 'USD'],
    ['A$100 million', 100e6, 'AUD'],
    ['€2,5 million', 2.5e6, 'EUR'],
    ['PLN 4 billion', 4e9, 'PLN'],
  ])('%s → %d %s', (text, value, unit) => {
    const q = one(text);
    expect(q.kind).toBe('money');
    expect(q.value).toBeCloseTo(value, 0);
    expect(q.unit).toBe(unit);
  });

  it('reads numbers written in words before a magnitude, as money or as a count', () => {
    expect(one('committing two billion euros to the fund')).toMatchObject({ kind: 'money', value: 2e9, unit: 'EUR' });
    expect(one('well over a billion crowns')).toMatchObject({ kind: 'money', value: 1e9, qualifier: 'over' });
    expect(one('five million dollars in aid')).toMatchObject({ kind: 'money', value: 5e6, unit: 'USD' });
    expect(one('half a million artillery rounds')).toMatchObject({ kind: 'items', value: 5e5, item: 'artillery rounds' });
    // a magnitude with nothing it counts or pays is no amount
    expect(findQuantities('a million people fled')).toEqual([]);
  });

  it('gives base units without a binary float tail', () => {
    expect(one('an appeal for $32.2m this year').value).toBe(32_200_000);
    expect(one('4.35 million shells').value).toBe(4_350_000);
  });

  it('reads a share of GDP with its qualifier', () => {
    const q = one('at least 0.25 percent of its GDP annually');
    expect(q).toMatchObject({ kind: 'gdp', value: 0.25, unit: '%GDP', qualifier: 'at least' });
    expect(one("0.3% of Latvia's GDP").value).toBe(0.3);
  });

  it('counts items and troops, skipping a calibre and a date', () => {
    expect(one('send 49 aging American-made Abrams tanks')).toMatchObject({ kind: 'items', value: 49, unit: 'units' });
    expect(one('500,000 155 mm shells')).toMatchObject({ value: 500000, item: '155 mm shells' });
    expect(one('1.5 million rounds')).toMatchObject({ value: 1.5e6 });
    expect(one('two family homes')).toMatchObject({ value: 2 });
    expect(one('deploy 25,000 troops')).toMatchObject({ kind: 'troops', value: 25000, unit: 'troops' });
    expect(findQuantities('committed on September 4 to deploying troops')).toEqual([]);
  });

  it('reads a model designation as a name, not a count', () => {
    expect(findQuantities('ammunition for the F-16 fighter jets')).toEqual([]);
    expect(findQuantities('repairs to MiG-29 aircraft and CV90 vehicles')).toEqual([]);
    expect(findQuantities('several hundred interceptor missiles')).toEqual([]);
    expect(one('a hundred interceptor missiles')).toMatchObject({ value: 100 });
    expect(one('two F-16 fighter jets')).toMatchObject({ value: 2, item: 'F-16 fighter' });
  });

  it('marks an equivalent in parentheses as a conversion', () => {
    const found = findQuantities('a €375 million ($439 million) programme');
    expect(found.map((q) => [q.value, q.unit, q.conversion])).toEqual([
      [375e6, 'EUR', false],
      [439e6, 'USD', true],
    ]);
  });

  it('keeps offsets relative to the base it is given', () => {
    const text = 'Denmark gives €5m now';
    const [q] = findQuantities(text, 100);
    expect(text.slice(q.start - 100, q.end - 100)).toBe('€5m');
  });

  it('parses thousands separators and decimal commas', () => {
    expect(parseNumber('1,000', false)).toBe(1000);
    expect(parseNumber('2,5', true)).toBe(2.5);
    expect(parseNumber('400,00', false)).toBe(400000);
    expect(parseNumber('3.5', true)).toBe(3.5);
  });

  it('counts a range from its lower bound, through "of its", and one item named with "a"', () => {
    const counts = (text: string) => findQuantities(text).map((q) => [q.kind, q.value, q.item]);
    expect(counts('Chile will send 100 to 200 troops.')).toEqual([['troops', 100, null]]);
    expect(counts('Peru will send about 50 of its armoured vehicles.')).toEqual([['items', 50, 'armoured vehicles']]);
    expect(counts('Peru will provide a Patriot system and an air defence radar.')).toEqual([
      ['items', 1, 'Patriot system'],
      ['items', 1, 'air defence radar'],
    ]);
    expect(counts('Peru backs a system of guarantees and a round of talks.')).toEqual([]);
  });

  it('reads a share listed before one of GDP as a share of GDP', () => {
    expect(findQuantities('Chile and Peru spend 2.1% and 1.7% of GDP respectively.').map((q) => [q.unit, q.value])).toEqual([
      ['%GDP', 2.1],
      ['%GDP', 1.7],
    ]);
    expect(findQuantities('Inflation rose 2.1% and exports 3%.').filter((q) => q.unit === '%GDP')).toEqual([]);
  });

  it('reads a share of "their countries’" GDP', () => {
    expect(findQuantities('Chile and Peru agreed to commit 5% of their countries’ gross domestic product.').map((q) => [q.unit, q.value])).toEqual([['%GDP', 5]]);
  });

  it('reads a magnitude with no currency soon after money as money in that currency, but not a count of people', () => {
    const read = (text: string) => findQuantities(text).map((q) => [q.value, q.unit]);
    expect(read('The package is worth €7.4 billion: 1.8 billion in investments and 400 million in aid.')).toEqual([
      [7.4e9, 'EUR'],
      [1.8e9, 'EUR'],
      [4e8, 'EUR'],
    ]);
    expect(read('Chile gave €7.4 billion to 400 million people.')).toEqual([[7.4e9, 'EUR']]);
    expect(read('Chile gave €7.4 billion. 400 million in aid came later.')).toEqual([[7.4e9, 'EUR']]);
  });
});

