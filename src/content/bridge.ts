// Answers the extension's pages: the findings of this frame, jumping to one of them (from the popup,
// or the next/previous one from a keyboard shortcut, see stepper.ts), the page's language.
import browser, { type Runtime } from 'webextension-polyfill';
import { sentenceParts } from '../core';
import { toContent, type FindingsResponse, type StepAnswer } from '../shared/messages';
import { isExtensionPage } from '../shared/sender';
import type { Painter } from './painter';
import { bringIntoView } from './bring-into-view';
import { liveRange } from './ranges';
import type { Painted, Scanner } from './scanner';
import { edgeFlag, nextFlag } from './stepper';

export function answerExtension(
  scanner: Scanner,
  painter: Painter,
  show: (painted: Painted, rect: DOMRect) => void,
  signal: AbortSignal,
): void {
  // The order the popup was last given, so "reveal #n" means what the reader clicked.
  let snapshot: Painted[] = [];
  // The flag last revealed, where the next keyboard step starts.
  let revealed: Painted | null = null;
  /** Reveals a flag; false when its text has changed under it (the next pass paints it afresh). */
  const go = (target: Painted | undefined): boolean => {
    if (!target?.range.startContainer.isConnected || !reveal(target, painter, show)) return false;
    revealed = target;
    return true;
  };
  const listener = (raw: unknown, sender: Runtime.MessageSender): Promise<FindingsResponse | StepAnswer | { lang?: string }> | undefined => {
    if (signal.aborted || !isExtensionPage(sender)) return undefined;
    const parsed = toContent.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    if (message.type === 'page-language') {
      const lang = scanner.language();
      return Promise.resolve(lang ? { lang } : {});
    }
    if (message.type === 'get-findings') {
      snapshot = scanner.all();
      return Promise.resolve({
        url: location.href,
        title: document.title,
        findings: snapshot.map((painted, index) => {
          const { finding, block } = painted;
          const { before, match, after } = sentenceParts(block.text, finding.start, finding.end);
          return { index, listId: finding.listId, ruleId: finding.ruleId, match, before, after, signals: scanner.signalsOf(painted) };
        }),
      });
    }
    if (message.type === 'step') {
      const all = scanner.all();
      // A flag whose text changed since the last pass is passed over, not taken for the end.
      let target = message.enter ? edgeFlag(all, message.direction) : nextFlag(all, revealed, message.direction);
      while (target && !go(target)) target = nextFlag(all, target, message.direction);
      return Promise.resolve({ stepped: target !== undefined });
    }
    // The popup's click: the keyboard shortcuts go on from here if it was revealed.
    return Promise.resolve({ stepped: go(snapshot[message.index]) });
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

function reveal(painted: Painted, painter: Painter, show: (painted: Painted, rect: DOMRect) => void): boolean {
  const range = liveRange(painted.range);
  if (!range) return false;
  bringIntoView(range);
  // Scroll events are dispatched before animation-frame callbacks: the card opens after the scroll
  // that would close it. The focus ring comes in the same frame, so a reader (or a test) who sees the
  // flag marked and presses Esc closes this flag's card, not one still on its way.
  requestAnimationFrame(() => {
    painter.setFocus(painted.range);
    show(painted, range.getClientRects()[0] ?? range.getBoundingClientRect());
  });
  return true;
}
