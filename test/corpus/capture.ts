// What a reader and the page would notice of a page, captured the same way by both real-page
// comparisons (run.ts in Chromium, run-firefox.ts in Firefox ESR).

export interface PageState {
  text: string;
  dom: string;
  forms: string[];
  focus: string;
  selection: string;
  scroll: [number, number];
}

export const PAGE_STATE_KEYS = ['text', 'dom', 'forms', 'focus', 'selection', 'scroll'] as const;

/** What the reader and the page would see. Runs in the page (no named inner functions: see in-page.ts). */
export function capture(): PageState {
  const sel = getSelection();
  const active = document.activeElement;
  return {
    text: document.body?.innerText ?? document.documentElement?.textContent ?? '',
    dom: document.documentElement?.outerHTML ?? '',
    forms: [...document.querySelectorAll('input, textarea, select')].map(
      (el) => `${el.localName}#${el.id}.${el.className}=${(el as HTMLInputElement).value}`,
    ),
    focus: active ? `${active.localName}#${active.id}.${active.className}` : 'none',
    selection: sel ? `${sel.toString()}|${sel.anchorOffset}|${sel.focusOffset}` : '',
    scroll: [scrollX, scrollY],
  };
}


/**
 * Evaluated in a page: resolves once its DOM has had no node added, removed or changed for 400 ms
 * (at most 2 s), so that the page's own short-lived elements (an anti-adblock bait that lives 300 ms)
 * are gone. A string, so that no transform of this file reaches into it (see in-page.ts).
 */
export const SETTLED = `new Promise((settled) => {
  let timer;
  const done = () => { observer.disconnect(); settled(); };
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 400); });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  timer = setTimeout(done, 400);
  setTimeout(done, 2000);
})`;
