/**
 * Budget: the JavaScript of the first card, gzipped, must stay within 60 KB: the entry chunk and everything
 * it imports statically (the first screen), plus the study screen's chunk and its static imports (loaded
 * when the learner taps Study, and preloaded by Home). Reads the production build's manifest
 * (dist/.vite/manifest.json, `build.manifest: true`). Other dynamic imports (workbox-window, the other
 * screens) are listed apart and not counted. Run `npm run build` first; exits 1 when the budget is broken.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const DIST = process.argv[2] ?? 'dist';
const BUDGET = 60 * 1024;
const MANIFEST = `${DIST}/.vite/manifest.json`;

if (!existsSync(MANIFEST)) {
  console.error(`${MANIFEST} is missing: run \`npm run build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);

const initial = new Set();
const lazy = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const next of chunk.imports ?? []) visit(next);
  for (const next of chunk.dynamicImports ?? []) if (manifest[next]) lazy.add(manifest[next].file);
};
entries.forEach(visit);
const firstScreen = new Set(initial);
// The study screen and what it imports belong to the first card.
const study = Object.keys(manifest).find((key) => /StudyScreen\.tsx$/.test(key));
if (study) visit(study);

const gzip = (file) => gzipSync(readFileSync(`${DIST}/${file}`), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let total = 0;
let screen = 0;
console.log('JavaScript of the first card (gzip; * = first screen):');
for (const file of [...initial].filter((f) => f.endsWith('.js'))) {
  const size = gzip(file);
  total += size;
  if (firstScreen.has(file)) screen += size;
  console.log(`  ${(firstScreen.has(file) ? '* ' : '  ') + file.padEnd(46)} ${kb(size).padStart(9)}`);
}
console.log(`  ${'first screen'.padEnd(48)} ${kb(screen).padStart(9)}`);
console.log(`  ${'first card (total)'.padEnd(48)} ${kb(total).padStart(9)}   (budget ${kb(BUDGET)})`);
const later = [...lazy].filter((f) => !initial.has(f) && f.endsWith('.js'));
if (later.length > 0) {
  console.log('Dynamic imports (fetched in parallel, not needed for the first card; not counted):');
  for (const file of later) console.log(`  ${file.padEnd(48)} ${kb(gzip(file)).padStart(9)}`);
}
if (total > BUDGET) {
  console.error(`Over budget by ${kb(total - BUDGET)}.`);
  process.exit(1);
}
