// Where keyboard focus goes when the control the reader used goes away.
//
// Opening the list editor replaces the list of lists; saving a rule closes its form; deleting a list
// removes its card. Left alone, the browser moves focus to <body>, and a keyboard or screen-reader
// user starts again from the top of the page. Each such action names where focus goes instead.
import { useCallback, useLayoutEffect, useState } from 'preact/hooks';

/** Focus was lost: nothing has it, or what had it left the page. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/**
 * `focusAfterRender(selector)` focuses the first element matching `selector` once the render the
 * caller's state change causes is on the page; with `onlyIfLost`, only if focus was lost meanwhile
 * (the control used may still be there). Several selectors: the first that matches, in their order
 * (not the page's), for when the render may take the nearer place away too.
 */
export function useFocusAfterRender(): (selector: string | string[], onlyIfLost?: boolean) => void {
  const [pending, setPending] = useState<{ selectors: string[]; onlyIfLost: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!pending) return;
    setPending(null);
    if (pending.onlyIfLost && !focusLost()) return;
    for (const selector of pending.selectors) {
      const target = document.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  });
  return useCallback((selector: string | string[], onlyIfLost = false) => setPending({ selectors: [selector].flat(), onlyIfLost }), []);
}

/** An attribute selector for `value`, whatever characters it holds. */
export function attr(name: string, value: string): string {
  return `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
}
