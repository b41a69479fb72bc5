// @vitest-environment happy-dom
// Blocks of only text and inline elements are read in one piece (textContent). Whatever the markup,
// that must give exactly what reading node by node gives: the same blocks, texts, text nodes and
// offsets, and the same shadow roots to watch.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { collectBlocks, type Block } from '../../../src/dom/blocks';

const WORDS = ['Kanonen', 'futter', ' ', 'Freiwillige ', '„', '“', '\u00AD', '', '\n  ', 'und'];
const INLINE = ['span', 'b', 'a', 'em', 'q', 'ruby', 'rt', 'img', 'wbr', 'label'];
const OTHER = ['p', 'div', 'h2', 'li', 'br', 'hr', 'code', 'script', 'textarea', 'x-widget'];
const ATTRS = ['', '', '', ' hidden', ' contenteditable', ' contenteditable="false"', ' lang="en"'];

/** Markup of a random subtree, `depth` levels at most. */
const markup: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...WORDS),
    fc.constant('<!-- comment -->'),
    depth > 1
      ? fc
          .tuple(fc.constantFrom(...INLINE, ...INLINE, ...OTHER), fc.constantFrom(...ATTRS), fc.array(markup(depth - 1), { maxLength: 4 }))
          .map(([tag, attr, kids]) => (tag === 'br' || tag === 'img' || tag === 'wbr' ? `<${tag}${attr}>` : `<${tag}${attr}>${kids.join('')}</${tag}>`))
      : fc.constantFrom(...WORDS),
  ),
);

const shape = (b: Block) => ({ key: b.key, text: b.text, headline: b.headline, nodes: [...b.nodes], starts: [...b.starts] });

function read(whole: boolean) {
  const shadows: ShadowRoot[] = [];
  const blocks = collectBlocks(document.body, { whole, shadow: (root) => shadows.push(root) }).map(shape);
  return { blocks, shadows };
}

it('reads every block in one piece exactly as node by node', () => {
  fc.assert(
    fc.property(fc.array(markup(5), { minLength: 1, maxLength: 6 }), fc.boolean(), (parts, withShadow) => {
      document.body.innerHTML = `<article>${parts.join('')}</article>`;
      // An open shadow root on a <span> inside a paragraph: found whichever way the paragraph is read.
      if (withShadow) {
        const p = document.createElement('p');
        const host = document.createElement('span');
        p.append('Vor ', host, ' nach');
        document.body.append(p);
        host.attachShadow({ mode: 'open' }).innerHTML = '<p>Im Schatten: Kanonenfutter</p>';
      }
      expect(read(true)).toEqual(read(false));
    }),
    { numRuns: 400 },
  );
});

it('takes the one-piece reading for plain paragraphs, and lists their text nodes only when asked', () => {
  document.body.innerHTML = '<p id="p">Die <b>Rekruten</b> seien <a href="#">Kanonen<i>futter</i></a>.</p>';
  const [block] = collectBlocks(document.body);
  expect(block!.text).toBe('Die Rekruten seien Kanonenfutter.');
  expect(block!.constructor.name).toBe('PlainBlock');
  expect(block!.nodes.map((n) => n.data)).toEqual(['Die ', 'Rekruten', ' seien ', 'Kanonen', 'futter', '.']);
  expect(block!.starts).toEqual([0, 4, 12, 19, 26, 32]);
});
