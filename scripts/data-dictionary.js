// Writes the column tables of docs/DATA.md from the layouts' own definitions (run after a build):
// the file and the exports cannot drift apart, and test/ledger-export.test.ts checks they have not.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryMarkdown, DICTIONARY_VERSION } from '../dist/ledger/layouts.js';

const path = join(import.meta.dirname, '..', 'docs', 'DATA.md');
const doc = readFileSync(path, 'utf8');
const start = '<!-- columns: written by scripts/data-dictionary.js -->';
const end = '<!-- end of columns -->';
const before = doc.slice(0, doc.indexOf(start) + start.length);
const after = doc.slice(doc.indexOf(end));
writeFileSync(path, `${before}\n\nDictionary version ${DICTIONARY_VERSION}.\n\n${dictionaryMarkdown()}\n\n${after}`);
console.log(`docs/DATA.md: columns of dictionary version ${DICTIONARY_VERSION} written`);
