// Pages generated for the browser benchmark. Text comes from the German news corpus when it is
// available (an input, never stored in the repository), else from a small word list of our own.
import { existsSync } from 'node:fs';
import { DEFAULT_GNAD, readGnad } from './corpus';

const WORDS = (
  'der die das und nicht mit sich auf für dem den ein eine auch wird werden von zu im dass hat bei nach aus noch ' +
  'über Regierung Bericht Stadt Woche Jahr Menschen Zeitung Sprecher Ministerium Schule Gericht Wahl Polizei ' +
  'Unternehmen sagte erklärte beschloss berichtete fordert plant neue große kleine öffentliche wichtige'
).split(' ');

function sentences(count: number): string[] {
  if (existsSync(DEFAULT_GNAD)) {
    const all = readGnad().flatMap((a) => a.split(/(?<=[.!?])\s+/));
    return Array.from({ length: count }, (_, i) => all[i % all.length]!);
  }
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  return Array.from({ length: count }, () => {
    const n = 8 + Math.floor(next() * 14);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  });
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A long German news page: paragraphs with some inline markup and headings, about `chars` of text. */
export function newsPage(chars: number): string {
  const parts: string[] = [];
  let total = 0;
  const pool = sentences(Math.ceil(chars / 60));
  for (let i = 0, p = 0; total < chars; p++) {
    const body = pool.slice(i, i + 3).map(escape);
    i += 3;
    if (!body.length) break;
    // Some markup inside paragraphs, as real articles have.
    if (body[1]) body[1] = body[1].replace(/^(\S+)/, '<a href="#">$1</a>').replace(/(\S+)$/, '<b>$1</b>');
    const text = body.join(' ');
    total += text.replace(/<[^>]+>/g, '').length;
    parts.push(p % 12 === 0 ? `<h2>${escape(pool[i] ?? 'Abschnitt')}</h2><p>${text}</p>` : `<p>${text}</p>`);
  }
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Benchmark</title></head><body><article>${parts.join('\n')}</article></body></html>`;
}

/** `count` short paragraphs and a textarea at the top. */
export function paragraphsPage(count: number): string {
  const pool = sentences(count);
  return (
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Paragraphs</title></head><body>' +
    '<textarea id="box" rows="3" cols="60"></textarea><main id="main">' +
    pool.map((s, i) => `<p id="p${i}">${escape(s)}</p>`).join('') +
    '</main></body></html>'
  );
}

export function moreParagraphs(count: number, offset: number): string[] {
  return sentences(offset + count).slice(offset).map(escape);
}

/** An ad slot: an image in a link and a script, nothing to read. */
export const AD_SLOT =
  '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}</style></head>' +
  '<body><a href="#"><img alt="" width="300" height="250"></a><script>window.slot = "Anzeige";</script></body></html>';

/**
 * A short article with `count` frames that have nothing to read, as news pages carry them: every
 * other one an empty frame (about:blank), the rest ad slots at `slotUrl`.
 */
export function framesPage(count: number, slotUrl: string): string {
  const frames = Array.from({ length: count }, (_, i) => (i % 2 ? `<iframe src="${slotUrl}" width="300" height="250"></iframe>` : '<iframe width="300" height="250"></iframe>'));
  return (
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Frames</title></head><body><article>' +
    sentences(12).map((s) => `<p>${escape(s)}</p>`).join('') +
    frames.join('') +
    '</article></body></html>'
  );
}
