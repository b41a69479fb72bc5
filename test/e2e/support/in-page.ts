// Functions that run inside the page under test (main world). They only read.

/** The text of every range in every Wortlupe highlight, by highlight name, in document order. */
export function highlightTexts(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('wortlupe')) continue;
    const ranges = [...highlight].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    result[name] = ranges.map((r) => r.toString());
  }
  return result;
}

/** All flagged texts, in document order, whatever their severity. */
export function allFlagged(): string[] {
  const ranges: Range[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^wortlupe-\d$/.test(name)) continue;
    for (const r of highlight) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      ranges.push(live);
    }
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((r) => r.toString());
}

export function scanPasses(): { textChars: number; textNodes: number; findings: number }[] {
  return performance.getEntriesByName('wortlupe:scan').map((e) => (e as PerformanceMeasure).detail);
}

/** The flagged count once at least one scan pass found something. */
export function flaggedOnceScanned(): number | false {
  const passes = performance.getEntriesByName('wortlupe:scan');
  if (!passes.length) return false;
  let n = 0;
  for (const [name, highlight] of CSS.highlights) if (/^wortlupe-\d$/.test(name)) n += highlight.size;
  return n || false;
}

/** Centre of the first client rect of the first occurrence of `text` inside `selector`. */
export function pointAt({ selector, text }: { selector: string; text: string }): { x: number; y: number } {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no ${selector}`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  throw new Error(`"${text}" not in ${selector}`);
}
