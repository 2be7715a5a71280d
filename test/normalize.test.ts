import { describe, expect, it } from 'vitest';
import { detectLanguage, normalize, NormalizeError } from '../src/pipeline/normalize/index.js';

describe('normalize', () => {
  it('finds a dateline and keeps the text intact', () => {
    const n = normalize('VILNIUS - Lithuania will give more, the minister said.');
    expect(n.dateline).toEqual({ place: 'Vilnius', start: 0, end: 10 });
    expect(n.text.startsWith('VILNIUS')).toBe(true);
  });

  it('reads a bulleted dateline and an agency in parentheses', () => {
    expect(normalize('Kyiv • UNN\nUkraine received aid.').dateline?.place).toBe('Kyiv');
    expect(normalize('WASHINGTON (dpa-AFX) - The Commission adopted a plan.').dateline?.place).toBe('Washington');
    expect(normalize('Denmark launches a programme for Ukraine').dateline).toBeNull();
  });

  it('drops furniture lines and maps offsets back to the input', () => {
    const input = 'Title line\nShare\nNorway sends aid.\n2025 © Some Paper / Cookies Policy Privacy Policy';
    const n = normalize(input);
    expect(n.text).toBe('Title line\nNorway sends aid.');
    for (const seg of n.offsetMap) {
      expect(input.slice(seg.sourceStart, seg.sourceStart + seg.length)).toBe(n.text.slice(seg.start, seg.start + seg.length));
    }
  });

  it('turns HTML into paragraphs without page furniture', () => {
    const html = `<html><body><nav>Home</nav><article><h1>Aid for Ukraine</h1>
      <p>Sweden will send 10 boats to Ukraine, the minister said on Monday in Stockholm.</p>
      <p>"We stand with Ukraine," he said.</p></article>
      <footer><p>We use cookies. Read our Privacy Policy.</p></footer></body></html>`;
    const n = normalize(html);
    expect(n.format).toBe('html');
    expect(n.text).toContain('Sweden will send 10 boats to Ukraine');
    expect(n.text).toContain('\n"We stand with Ukraine," he said.');
    expect(n.text).not.toMatch(/cookies|Home/i);
  });

  it('refuses HTML without a body, and reads an HTML fragment as a page body', () => {
    expect(() => normalize('<html><head><title>x</title></head><body></body></html>')).toThrow(NormalizeError);
    expect(() => normalize('<html><head><title>x</title></head><body></body></html>')).toThrow(/no body/);
    expect(normalize('<p>Norway will send 12 howitzers.</p>')).toMatchObject({ text: 'Norway will send 12 howitzers.', format: 'html' });
    expect(normalize('<p>One.</p><p>Two <b>bold</b> words.</p>').text).toBe('One.\nTwo bold words.');
  });

  it('drops invisible characters and keeps the offset map right', () => {
    const input = 'Title\r\nNorway gives \u20ac3\u200b0 million \u202eto Ukraine\u202c.\r\nShare\r\nA\u00adB \ufeffC\u0007.';
    const n = normalize(input);
    expect(n.text).toBe('Title\nNorway gives \u20ac30 million to Ukraine.\nAB C.');
    expect(n.offsetMap.length).toBeGreaterThan(3);
    // every character of the output comes from the same character of the input
    let covered = 0;
    for (const seg of n.offsetMap) {
      expect(input.slice(seg.sourceStart, seg.sourceStart + seg.length)).toBe(n.text.slice(seg.start, seg.start + seg.length));
      covered += seg.length;
    }
    expect(covered).toBe(n.text.replace(/\n/g, '').length);
  });

  it('tells English from other languages', () => {
    expect(detectLanguage('The minister said that the government will send more aid to Ukraine in the coming weeks, and that it is ready to do more.')).toBe('en');
    expect(detectLanguage('Ministras teigė, kad Lietuva skirs daugiau paramos Ukrainai ir toliau rems jos kovą prieš agresorių, nes tai svarbu visai Europai ir regionui.')).toBeNull();
  });
});
