// Functions that run inside the page under test (main world). They only read.

// These functions are serialised into the page: no imports, and no named inner functions (some
// TypeScript transforms wrap those in a helper that does not exist in the page).

/**
 * The text of every range in every Wortlupe highlight, by highlight name, in document order.
 * Ranges in shadow trees cannot be compared with ranges in the document, so they are ordered by
 * their outermost shadow host.
 */
export function highlightTexts(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('wortlupe')) continue;
    // A range the page's own edits have overtaken (offsets past its node's end) waits for the next pass.
    const current = [...highlight].filter(
      (r) =>
        r.startOffset <= (r.startContainer instanceof CharacterData ? r.startContainer.length : r.startContainer.childNodes.length) &&
        r.endOffset <= (r.endContainer instanceof CharacterData ? r.endContainer.length : r.endContainer.childNodes.length),
    );
    const keyed = current.map((r) => {
      let outer: Node = r.startContainer;
      for (let root = outer.getRootNode(); root instanceof ShadowRoot; root = outer.getRootNode()) outer = root.host;
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return { r, outer, text: live.toString() };
    });
    keyed.sort((a, b) => {
      const same = a.r.startContainer.getRootNode() === b.r.startContainer.getRootNode();
      const [x, y] = same ? [a.r.startContainer, b.r.startContainer] : [a.outer, b.outer];
      if (x === y) return same ? a.r.startOffset - b.r.startOffset : 0;
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    result[name] = keyed.map((k) => k.text);
  }
  return result;
}

/** All flagged texts, in document order, whatever their severity. */
export function allFlagged(): string[] {
  const keyed: { r: AbstractRange; outer: Node; text: string }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!/^wortlupe-(ul|bg)-/.test(name)) continue;
    for (const r of highlight) {
      // A range the page's own edits have overtaken (offsets past its node's end) waits for the next pass.
      if (r.startOffset > (r.startContainer instanceof CharacterData ? r.startContainer.length : r.startContainer.childNodes.length)) continue;
      if (r.endOffset > (r.endContainer instanceof CharacterData ? r.endContainer.length : r.endContainer.childNodes.length)) continue;
      let outer: Node = r.startContainer;
      for (let root = outer.getRootNode(); root instanceof ShadowRoot; root = outer.getRootNode()) outer = root.host;
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      keyed.push({ r, outer, text: live.toString() });
    }
  }
  keyed.sort((a, b) => {
    const same = a.r.startContainer.getRootNode() === b.r.startContainer.getRootNode();
    const [x, y] = same ? [a.r.startContainer, b.r.startContainer] : [a.outer, b.outer];
    if (x === y) return same ? a.r.startOffset - b.r.startOffset : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return keyed.map((k) => k.text);
}

export function scanPasses(): { textChars: number; blocks: number; findings: number }[] {
  return performance.getEntriesByName('wortlupe:scan').map((e) => (e as PerformanceMeasure).detail);
}

/** The flagged count once at least one scan pass found something. */
export function flaggedOnceScanned(): number | false {
  const passes = performance.getEntriesByName('wortlupe:scan');
  if (!passes.length) return false;
  let n = 0;
  for (const [name, highlight] of CSS.highlights) if (/^wortlupe-(ul|bg)-/.test(name)) n += highlight.size;
  return n || false;
}

/** Centre of the first client rect of the first occurrence of `text` inside `selector`. */
/** The box of the first occurrence of `text` in `selector`, in window coordinates (one line). */
export function textBox({ selector, text }: { selector: string; text: string }): { left: number; top: number; width: number; height: number } {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no ${selector}`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const { left, top, width, height } = range.getClientRects()[0]!;
    return { left, top, width, height };
  }
  throw new Error(`"${text}" not in ${selector}`);
}

/**
 * How many pixels of a screenshot (a PNG, base64) inside each box are within `tolerance` of `rgb`.
 * Decoded by the browser itself (an Image that is never added to the page).
 */
export async function pixelsOfColour({
  png,
  boxes,
  rgb,
  tolerance,
}: {
  png: string;
  boxes: { left: number; top: number; width: number; height: number }[];
  rgb: [number, number, number];
  tolerance: number;
}): Promise<number[]> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const scale = image.naturalWidth / innerWidth;
  return boxes.map((box) => {
    const data = context.getImageData(Math.round(box.left * scale), Math.round(box.top * scale), Math.round(box.width * scale), Math.round(box.height * scale)).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - rgb[0]) <= tolerance && Math.abs(data[i + 1]! - rgb[1]) <= tolerance && Math.abs(data[i + 2]! - rgb[2]) <= tolerance) count++;
    }
    return count;
  });
}

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

/**
 * Runs in an extension page: from now on, files the page saves (a Blob link, clicked) are recorded
 * instead of downloaded. Read them with savedFiles().
 */
export function captureSaves(): void {
  const scope = window as unknown as { saved: { name: string; text: Promise<string> }[] };
  scope.saved = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob) => {
    const url = create(blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    scope.saved.push({ name: this.download, text: blobs.get(this.href)!.text() });
  };
}

/** The files saved since captureSaves(), oldest first. */
export function savedFiles(): Promise<{ name: string; text: string }[]> {
  const scope = window as unknown as { saved: { name: string; text: Promise<string> }[] };
  return Promise.all(scope.saved.map(async (f) => ({ name: f.name, text: await f.text })));
}
