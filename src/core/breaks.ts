// Where a text is cut into separate blocks: sentences, quotations and phrases never run across them.
//
// The content script joins a block's text nodes into one string and marks a <br> or an interrupting
// nested block with U+2029 PARAGRAPH SEPARATOR. In plain text, a blank line does the same. A single
// "\n" is only white space: HTML source and hard-wrapped text break lines anywhere.

export const BLOCK_BREAK = '\u2029';

/** True when position i holds a hard break (U+2029, or the first newline of a blank line). */
export function isHardBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2029) return true;
  if (c !== 0x0a) return false;
  for (let j = i + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x0a || d === 0x2029) return true;
    if (d !== 0x20 && d !== 0x09 && d !== 0x0d) return false;
  }
  return false;
}
