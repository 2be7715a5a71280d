// Prints the gzip size of the JavaScript the workbench loads on first paint (the scripts and
// module preloads index.html names) and fails the build when it passes the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const root = join(import.meta.dirname, '..', 'dist', 'web');
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of initial) {
  const gz = gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  total += gz;
  console.log(`  ${file}: ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`workbench initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip in ${initial.length} file(s) (budget ${BUDGET_KB} KB)`);
if (initial.length === 0 || total > BUDGET_KB * 1024) {
  console.error(initial.length === 0 ? 'no script found in dist/web/index.html' : 'the workbench bundle is over its budget');
  process.exit(1);
}
