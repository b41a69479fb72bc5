// Writes src/content/highlights.css: one ::highlight() rule per look × severity (× list colour).
// Content-script stylesheets are static, so every combination a reader can choose is listed.
// Usage: npx tsx src/dev/highlight-css.ts   (a unit test checks the file is current)
import { writeFileSync } from 'node:fs';
import { highlightCss } from '../content/highlight-style';

writeFileSync('src/content/highlights.css', highlightCss());
console.log('wrote src/content/highlights.css');
