// Content script: reads the page, paints findings, shows the card, answers the popup.
//
//   storage (enabled lists) ──compile──▶ Matcher
//   page ──blocks──▶ Scanner ──ranges──▶ Painter (CSS.highlights)
//   MutationObserver ──Watcher (idle batches)──▶ Scanner.rescan
//   pointer ──hitTest──▶ Card            popup ◀──messages──▶ report to background
import browser from 'webextension-polyfill';
import { compile, type RuleList } from '../core';
import { indexRules, ruleKey, type RuleEntry } from '../shared/describe';
import { ACTIVE_KEY, parseActiveLists, readActiveLists } from '../shared/storage';
import { Card } from './card';
import { cardContent } from './card-content';
import { hitTest, watchPointer } from './hover';
import { answerPopup } from './popup-bridge';
import { Painter } from './painter';
import { Scanner, type Painted } from './scanner';
import { Watcher } from './watcher';

async function start(): Promise<void> {
  // Without the Custom Highlight API there is no way to mark text without rewriting the page: do nothing.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;

  const controller = new AbortController();
  const { signal } = controller;
  const docId = crypto.randomUUID();
  let rules = new Map<string, RuleEntry>();
  const painter = new Painter();
  const card = new Card();
  const shadowRoots: ShadowRoot[] = [];
  const watcher = new Watcher((changes) => {
    if (changes.removed) scanner.sweep();
    scanner.rescan(changes.own, changes.whole);
    report();
  }, signal);
  const scanner = new Scanner(compile([]), painter, () => document.body ?? document.documentElement, (root) => {
    shadowRoots.push(root);
    watcher.watch(root);
  });

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
    card.hide();
    painter.dispose();
  };

  const load = (lists: RuleList[]) => {
    rules = indexRules(lists);
    watcher.reset();
    card.hide();
    scanner.scanAll(compile(lists));
    reported = -1;
    report();
  };

  const show = (painted: Painted, rect: DOMRect) => {
    const entry = rules.get(ruleKey(painted.finding.listId, painted.finding.ruleId));
    if (entry) card.show(painted, cardContent(painted.finding, entry), rect);
  };

  // Listen before reading, or lists published in between (right after install) would be missed.
  let changed = false;
  browser.storage.onChanged.addListener((changes, area) => {
    if (signal.aborted || area !== 'local' || !(ACTIVE_KEY in changes)) return;
    changed = true;
    load(parseActiveLists(changes[ACTIVE_KEY]!.newValue));
  });
  watcher.watch(document);
  const initial = await readActiveLists();
  if (!changed) load(initial);

  watchPointer(
    (x, y) => {
      const hit = hitTest(x, y, scanner, painter, shadowRoots);
      if (hit) show(hit.painted, hit.rect);
      else card.hide();
    },
    () => card.hide(),
    signal,
  );

  answerPopup(scanner, painter, show, signal);

  // Restored from the back/forward cache: the background forgot this tab's counts on navigation.
  addEventListener('pageshow', (event) => {
    if (event.persisted) {
      reported = -1;
      report();
    }
  }, { signal });
}

void start();
