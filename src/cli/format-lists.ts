// Rewrites list files in canonical form (2-space JSON, trailing newline), so diffs stay small.
// Usage: npm run lists:format [files…]   (default: rules/*.json)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const files = process.argv.slice(2);
const targets = files.length ? files : readdirSync('rules').filter((f) => f.endsWith('.json')).map((f) => join('rules', f));
for (const file of targets) {
  const text = readFileSync(file, 'utf8');
  const canonical = JSON.stringify(JSON.parse(text), null, 2) + '\n';
  if (canonical !== text) {
    writeFileSync(file, canonical);
    console.log(`formatted ${file}`);
  }
}
