// Writes the content-script stylesheets, one per build: one ::highlight() rule per look × severity
// (× list colour). Content-script stylesheets are static, so every combination a reader can choose
// is listed. Usage: npx tsx src/dev/highlight-css.ts   (a unit test checks the files are current)
import { writeFileSync } from 'node:fs';
import { highlightCss, STYLESHEETS } from '../content/highlight-style';

for (const { path, scope } of Object.values(STYLESHEETS)) {
  writeFileSync(path, highlightCss(scope));
  console.log(`wrote ${path}`);
}
