// Elements whose content is never read, shared by the walk (blocks.ts) and the check whether a
// frame has anything to read at all (readable-text.ts), which the script injected at
// document_start runs too: this module imports nothing.

/** Never read: form fields, code, scripts, media, and everything they contain. */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'button', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video',
  'audio', 'head', 'title', 'meta', 'link',
]);
