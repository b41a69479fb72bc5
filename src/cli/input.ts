// What the command line scans: a text file, a saved page, standard input, or a URL the user names.
// A page's text is taken exactly as the content script takes it (same block reader, on happy-dom).
import { collectBlocks } from '../dom/blocks';
import { declaredLanguage } from '../dom/language';
import { CliError } from './errors';
import { readText } from './lists';

export interface Segment {
  /** Offset of this block in the input's text. */
  start: number;
  text: string;
  lang?: string | undefined;
  headline: boolean;
}

export interface Input {
  name: string;
  /** The text findings index into: the file itself, or a page's blocks joined by blank lines. */
  text: string;
  segments: Segment[];
  /** The parsed page, for its declared language. */
  doc?: Document;
}

// How markup without a file name (standard input, a URL without a content type) starts: a doctype,
// a comment, the document's own elements, or a fragment's first element. Plain text rarely starts
// with "<" and a tag name; read as text, a page's scripts and styles would be scanned as words.
const HTML_START = new RegExp(
  '^\\s*(?:<!doctype html|<!--|<(?:html|head|body|meta)\\b|<(?:' +
    'a|abbr|article|aside|b|base|blockquote|br|button|dd|details|div|dl|dt|em|figcaption|figure|footer|form|' +
    'h[1-6]|header|hr|i|iframe|img|input|label|li|link|main|nav|noscript|ol|p|pre|q|script|section|small|' +
    'span|strong|style|sub|sup|svg|table|tbody|td|template|th|thead|title|tr|u|ul)[\\s/>])',
  'i',
);
const looksLikeHtml = (name: string, body: string) => /\.x?html?$/i.test(name) || HTML_START.test(body);

export async function readInput(source: string): Promise<Input> {
  if (source === '-') return fromBody('standard input', await readStdin(), undefined);
  if (/^https?:\/\//i.test(source)) {
    let response: Response;
    try {
      response = await fetch(source, { redirect: 'follow' });
    } catch (error) {
      throw new CliError(`cannot fetch ${source} (${(error as Error).message}): check the address and your connection`);
    }
    if (!response.ok) throw new CliError(`cannot fetch ${source}: the server answered ${response.status}`);
    const body = await response.text();
    const html = /html/i.test(response.headers.get('content-type') ?? '') || looksLikeHtml(source, body);
    return html ? fromHtml(source, body) : fromBody(source, body, undefined);
  }
  return fromBody(source, readText(source), undefined);
}

async function fromBody(name: string, body: string, lang: string | undefined): Promise<Input> {
  if (looksLikeHtml(name, body)) return fromHtml(name, body);
  return { name, text: body, segments: paragraphs(body, lang) };
}

/** What ends a paragraph of plain text: a blank line, or U+2029 (the same hard breaks as breaks.ts). */
const PARAGRAPH_BREAK = /\n[ \t\r]*\n|\u2029/g;

/**
 * Plain text as its paragraphs, each matched on its own as the content script matches a page's
 * blocks: the core tells a text's language from its first words, and one decision for the whole
 * file would apply English rules to a German paragraph after English ones, and miss English terms
 * after a long German start. Each segment is exactly text.slice(start, start + segment.text.length).
 */
function paragraphs(text: string, lang: string | undefined): Segment[] {
  const segments: Segment[] = [];
  const add = (start: number, end: number) => {
    if (/\S/.test(text.slice(start, end))) segments.push({ start, text: text.slice(start, end), lang, headline: false });
  };
  let start = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    add(start, m.index);
    start = m.index + m[0].length;
  }
  add(start, text.length);
  return segments;
}

async function fromHtml(name: string, html: string): Promise<Input> {
  // Loaded only for a page: for text, leaving it out halved the command's start (1.0 → 0.47 s).
  const { Window } = await import('happy-dom');
  const window = new Window({
    // A placeholder address so the page's relative URLs parse; nothing is ever fetched from it.
    url: 'http://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      // Reading text needs no resources: every request a page would make (preloads, fonts) is
      // answered here, empty, and never leaves the machine.
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window: w }) => new w.Response('', { status: 204 }),
          beforeSyncRequest: () => ({ status: 204, statusText: 'No Content', ok: true, url: '', redirected: false, headers: new Headers(), body: Buffer.alloc(0) }) as never,
        },
      },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const root = doc.body ?? doc.documentElement;
    const blocks = root ? collectBlocks(root) : [];
    const segments: Segment[] = [];
    let text = '';
    for (const block of blocks) {
      if (text) text += '\n\n';
      segments.push({ start: text.length, text: block.text, lang: declaredLanguage(block.key), headline: block.headline });
      text += block.text;
    }
    return { name, text, segments, doc };
  } finally {
    void window.happyDOM.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
