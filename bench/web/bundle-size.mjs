// Gzip size of the JavaScript a first visit loads (the entry and what it imports statically), per chunk.
// Fails above the budget. Usage: npm run build -w web && node bench/web/bundle-size.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const dist = path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');

// the entry script plus every chunk the HTML preloads are fetched before the app can render
const initial = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]);

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
let total = 0;
console.log('initial chunk'.padEnd(56), '    raw kB', '   gzip kB');
for (const file of [...new Set(initial)]) {
  const source = readFileSync(path.join(dist, file));
  const gzip = gzipSync(source, { level: 9 }).length;
  total += gzip;
  console.log(file.padEnd(56), kb(source.length), '  ', kb(gzip));
}
for (const file of css) {
  const source = readFileSync(path.join(dist, file));
  console.log(`${file} (css, not counted)`.padEnd(56), kb(source.length), '  ', kb(gzipSync(source, { level: 9 }).length));
}
console.log(`initial JavaScript: ${(total / 1024).toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (total / 1024 > BUDGET_KB) {
  console.error('over budget');
  process.exit(1);
}
