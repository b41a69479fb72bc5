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
 * (the control used may still be there).
 */
export function useFocusAfterRender(): (selector: string, onlyIfLost?: boolean) => void {
  const [pending, setPending] = useState<{ selector: string; onlyIfLost: boolean } | null>(null);
  useLayoutEffect(() => {
    if (!pending) return;
    setPending(null);
    if (pending.onlyIfLost && !focusLost()) return;
    document.querySelector<HTMLElement>(pending.selector)?.focus();
  });
  return useCallback((selector: string, onlyIfLost = false) => setPending({ selector, onlyIfLost }), []);
}

/** An attribute selector for `value`, whatever characters it holds. */
export function attr(name: string, value: string): string {
  return `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
}
