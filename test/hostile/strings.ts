// Strings a hostile list author might write, for fuzz tests of everything that shows list text:
// markup and script in every shape, URLs with dangerous schemes, bidi overrides that try to reverse
// the text around them, long unbroken runs, and odd Unicode. Deterministic (seeded), so a failure
// can be replayed.
import fc from 'fast-check';

/** Each of these, if it were ever treated as markup or a link, would set `__pwned` or show as an element. */
export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  "'><iframe src=\"javascript:window.__pwned=1\">",
  '<a href="javascript:window.__pwned=1">click</a>',
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '</style><style>*{display:none!important}</style>',
  '</textarea><script>window.__pwned=1</script>',
  '<details open ontoggle="window.__pwned=1">',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '&lt;b&gt;entity&lt;/b&gt; &amp; &#60;i&#62;',
  '\u202Egnirts desrever\u202C',
  '\u2066isolated\u2069 \u202Bembedded',
  '\u200F\u200E\u061C',
  'a\u200Bb\u200Cc\u200Dd\u2060e\u00ADf',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A\u035B\u035C\u035D\u035E\u035F\u0360\u0361',
  '\uD83D\uDC80\uD83D\uDD25 \uD800 \uDFFF',
  '\u0000\u0001\u0007\u001B[31m',
  'W'.repeat(180),
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** A hostile string of at most `max` characters, with at least one letter so it passes "not empty". */
export const hostileText = (max: number) =>
  fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => `x ${parts.join(' ')}`.slice(0, max).trim());

/** https addresses that try to break out of an attribute or smuggle a scheme. */
export const hostileHttpsUrl = fc.constantFrom(
  'https://example.org/"><script>window.__pwned=1</script>',
  "https://example.org/'onmouseover='window.__pwned=1",
  'https://example.org/#javascript:window.__pwned=1',
  'https://example.org/?q=%3Cscript%3E',
  'https://user:pass@example.org/\u202Efdp.exe',
);

/** Addresses no list may carry: every one must be refused. */
export const forbiddenUrl = fc.oneof(
  fc.constantFrom(
    'javascript:window.__pwned=1',
    'JaVaScRiPt:window.__pwned=1',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://example.org/',
    'chrome-extension://abc/popup.html',
    'moz-extension://abc/popup.html',
    '//example.org/',
    'blob:https://example.org/1',
  ),
  fc.webUrl({ validSchemes: ['http', 'ftp', 'ws'] }),
);

/** Deterministic samples, for browser tests that show one list built from them. */
export function sample<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed });
}
