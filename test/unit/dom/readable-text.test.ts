// @vitest-environment happy-dom
// Whether a frame has anything to read (src/dom/readable-text.ts): a frame told "nothing" waits for
// its DOM to change before it reads the matcher, so every kind of readable text must count.
import { afterEach, expect, it } from 'vitest';
import { hasReadableText } from '../../../src/dom/readable-text';

afterEach(() => {
  document.body.innerHTML = '';
});

const withBody = (html: string) => {
  document.body.innerHTML = html;
  return hasReadableText(document);
};

it('finds nothing in an empty body, white space, or an ad slot of an image in a link', () => {
  expect(withBody('')).toBe(false);
  expect(withBody('\n  \u00a0\u2003\u200b\ufeff\u3000 \t')).toBe(false);
  expect(withBody('<a href="#"><img alt="" width="300" height="250"></a><div><span> </span></div>')).toBe(false);
});

it('finds nothing in elements that are never read', () => {
  const never = [
    '<script>var text = "Kanonenfutter";</script>',
    '<style>p::after { content: "x" }</style>',
    '<noscript>Bitte JavaScript einschalten</noscript>',
    '<template><p>Kanonenfutter</p></template>',
    '<textarea>Entwurf</textarea>',
    '<select><option>Eins</option></select>',
    '<button>OK</button>',
    '<svg><text>Label</text></svg>',
    '<pre>code</pre>',
    '<iframe srcdoc="<p>elsewhere</p>"></iframe>',
  ];
  for (const html of never) expect([html, withBody(html)]).toEqual([html, false]);
  expect(withBody(never.join('\n'))).toBe(false);
});

it('finds text anywhere else, however deep, and after skipped elements', () => {
  expect(withBody('x')).toBe(true);
  expect(withBody('<p>Kanonenfutter</p>')).toBe(true);
  expect(withBody('<div><div><section><span><b>a</b></span></section></div></div>')).toBe(true);
  expect(withBody('<script>1</script><style>p{}</style><img><p>Text nach dem Skript</p>')).toBe(true);
  // Hidden text counts: erring towards "something to read" only costs a read.
  expect(withBody('<p hidden>verborgen</p>')).toBe(true);
});

it('counts an open shadow root as something to read (its content is read separately)', () => {
  document.body.innerHTML = '<div id="host"></div>';
  document.getElementById('host')!.attachShadow({ mode: 'open' });
  expect(hasReadableText(document)).toBe(true);
});

it('reads a document without a body from its root element', () => {
  const doc = document.implementation.createHTMLDocument('');
  doc.body.remove();
  expect(hasReadableText(doc)).toBe(false);
  doc.documentElement.append(doc.createTextNode('Rahmen ohne body'));
  expect(hasReadableText(doc)).toBe(true);
});
