// Content script: reads the page, paints findings, shows the card, answers the popup.
//
//   storage (matcher compiled by the background) ──unpack──▶ Matcher
//   page ──blocks──▶ Scanner ──ranges──▶ Painter (CSS.highlights)
//   MutationObserver ──Watcher (idle batches)──▶ Scanner.rescan
//   pointer ──hitTest──▶ Card            popup ◀──messages──▶ report to background
import browser from 'webextension-polyfill';
import { compile, type Matcher } from '../core';
import { ruleKey } from '../shared/describe';
import { Card } from './card';
import { cardContent } from './card-content';
import { hitTest, watchPointer } from './hover';
import { answerPopup } from './popup-bridge';
import { Painter } from './painter';
import { ACTIVE_KEY, COMPILED_KEY, matcherFromStore, readStoredMatcher, RuleTexts } from './rule-source';
import { Scanner, type Painted } from './scanner';
import { Watcher } from './watcher';

async function start(): Promise<void> {
  const started = performance.now();
  // Without the Custom Highlight API there is no way to mark text without rewriting the page: do nothing.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;

  const controller = new AbortController();
  const { signal } = controller;
  const docId = crypto.randomUUID();
  const ruleTexts = new RuleTexts();
  const painter = new Painter();
  const card = new Card();
  const shadowRoots: ShadowRoot[] = [];
  const watcher = new Watcher((changes) => {
    if (changes.removed) scanner.sweep();
    scanner.rescan(changes.own, changes.whole);
    report();
  }, signal);
  const scanner = new Scanner(
    compile([]),
    painter,
    () => document.body ?? document.documentElement,
    (root) => {
      shadowRoots.push(root);
      watcher.watch(root);
    },
    () => report(),
  );

  let reported = -1;
  const report = () => {
    const count = scanner.count();
    if (count === reported) return;
    reported = count;
    browser.runtime.sendMessage({ type: 'report-count', docId, count }).catch(stopIfOrphaned);
  };

  // The extension was updated or removed: this script is an orphan. Leave the page as it was.
  const stopIfOrphaned = () => {
    if (browser.runtime.id) return;
    controller.abort();
    scanner.stop();
    card.hide();
    painter.dispose();
  };

  const load = (matcher: Matcher) => {
    if (signal.aborted) return;
    watcher.reset();
    card.hide();
    reported = -1;
    scanner.scanAll(matcher);
    report();
  };

  // The card's text is read on first use; the pointer may have moved on by then.
  let wanted: Painted | null = null;
  const show = async (painted: Painted, rect: DOMRect) => {
    wanted = painted;
    const entry = (await ruleTexts.get()).get(ruleKey(painted.finding.listId, painted.finding.ruleId));
    if (entry && wanted === painted && !signal.aborted) card.show(painted, cardContent(painted.finding, scanner.signalsOf(painted), entry), rect);
  };
  const hide = () => {
    wanted = null;
    card.hide();
  };

  // Listen before reading, or lists published in between (right after install) would be missed.
  let changed = false;
  let loads = 0;
  browser.storage.onChanged.addListener((changes, area) => {
    if (signal.aborted || area !== 'local') return;
    if (ACTIVE_KEY in changes) ruleTexts.forget();
    if (COMPILED_KEY in changes) {
      changed = true;
      const current = ++loads; // a newer change may be unpacked first
      void matcherFromStore(changes[COMPILED_KEY]!.newValue).then((m) => current === loads && load(m));
    }
  });
  // Injected at document_end, not document_start: earlier, unpacking would interrupt the page's
  // parser, which then renders a first frame and delays DOMContentLoaded (measured: 50 → 250 ms
  // on a 600 KB page). The DOM is complete here; the readyState wait only guards other injections.
  const initial = await readStoredMatcher();
  // From the script's start to a usable matcher: reading and unpacking what the background compiled.
  performance.measure('wortlupe:unpack', { start: started });
  if (document.readyState === 'loading') {
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  watcher.watch(document);
  if (!changed) load(initial);

  watchPointer(
    (x, y) => {
      const hit = hitTest(x, y, scanner, painter, shadowRoots);
      if (hit) void show(hit.painted, hit.rect);
      else hide();
    },
    hide,
    signal,
  );

  answerPopup(scanner, painter, (painted, rect) => void show(painted, rect), signal);

  // Restored from the back/forward cache: the background forgot this tab's counts on navigation.
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) {
        reported = -1;
        report();
      }
    },
    { signal },
  );
}

void start();
