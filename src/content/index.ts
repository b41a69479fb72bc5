// Content script: reads the page, paints findings, shows the card, answers the popup.
//
//   storage (matcher compiled by the background; read from document_start's early-read.ts) ──unpack──▶ Matcher
//   page ──blocks──▶ Scanner ──ranges──▶ Painter (CSS.highlights)
//   MutationObserver ──Watcher (idle batches)──▶ Scanner.rescan
//   pointer ──hitTest──▶ Card            popup ◀──messages──▶ report to background
import './loaded';
import browser from 'webextension-polyfill';
import type { Matcher } from '../core';
import { ruleKey } from '../shared/describe';
import type { PageSettings } from '../shared/storage';
import { hasReadableText } from '../dom/readable-text';
import { siteIsOff } from '../shared/store/settings';
import { Card } from './card';
import { CountReport } from './count-report';
import { cardContent } from './card-content';
import { hitTest, watchPointer } from './hover';
import { answerExtension } from './bridge';
import { takeEarlyRead } from './early-read';
import { Painter } from './painter';
import { liveRange } from './ranges';
import { ACTIVE_KEY, COMPILED_KEY, matcherFromStore, PAGE_SETTINGS_KEY, parsePageSettings, parsePublishedId, PUBLISHED_KEY, readFirst, RuleTexts } from './rule-source';
import { Scanner, type Painted } from './scanner';
import { isTopFrame } from './top-frame';
import { nextTask } from './next-task';
import { Watcher } from './watcher';

async function start(): Promise<void> {
  const started = performance.now();
  performance.measure('wortlupe:evaluate', { start: 'wortlupe:loaded' });
  // Without the Custom Highlight API there is no way to mark text without rewriting the page: do nothing.
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') {
    takeEarlyRead(); // and stop its listener
    return;
  }

  const controller = new AbortController();
  const { signal } = controller;
  const docId = crypto.randomUUID();
  const ruleTexts = new RuleTexts();
  const painter = new Painter();
  const card = new Card();
  const shadowRoots: ShadowRoot[] = [];
  /** Wortlupe is switched off for this site: the page is left entirely alone. */
  let off = false;
  /** A frame with nothing to read yet: nothing is read from storage until it has text (see below). */
  let waiting = !isTopFrame() && !hasReadableText(document);
  const watcher = new Watcher((changes) => {
    if (waiting) {
      // An orphan (the extension was updated or removed) reads nothing any more.
      if (!browser.runtime.id) return stopIfOrphaned();
      if (hasReadableText(document)) wake();
      return;
    }
    // Until the first full scan starts, changes are its to read.
    if (off || !ready) return;
    if (changes.removed) scanner.sweep();
    scanner.rescan(changes.own, changes.whole);
    report();
  }, signal);
  /** The stored matcher, once read: by the first read, or by a change published before it came. */
  let matcher: Matcher | undefined;
  const scanner = new Scanner(
    undefined,
    painter,
    () => document.body ?? document.documentElement,
    (root) => {
      shadowRoots.push(root);
      watcher.watch(root);
    },
    () => report(),
  );

  const counts = new CountReport((count) => void browser.runtime.sendMessage({ type: 'report-count', docId, count }).catch(stopIfOrphaned));
  const report = () => counts.update(scanner.count(), scanner.busy);

  // The extension was updated or removed: this script is an orphan. Leave the page as it was.
  const stopIfOrphaned = () => {
    if (browser.runtime.id) return;
    controller.abort();
    scanner.stop();
    card.hide();
    painter.dispose();
  };

  let pageSettings: PageSettings | undefined;
  /** Read the page again with the current lists and settings — or leave it alone on a site switched off. */
  const load = () => {
    if (signal.aborted || !pageSettings || !matcher) return;
    watcher.reset();
    card.hide();
    counts.forget();
    off = siteIsOff(location.hostname, pageSettings.disabledSites);
    if (off) {
      scanner.stop();
      scanner.clear();
    } else {
      scanner.pageSettings = pageSettings;
      scanner.scanAll(matcher);
    }
    report();
  };

  // The card's text is read on first use; the pointer may have moved on by then.
  let wanted: Painted | null = null;
  const show = async (painted: Painted, rect: DOMRect) => {
    wanted = painted;
    const entry = (await ruleTexts.get()).get(ruleKey(painted.finding.listId, painted.finding.ruleId));
    if (!entry || wanted !== painted || signal.aborted) return;
    // All the flagged words, which the card keeps clear of (a phrase may wrap onto the next line).
    const words = liveRange(painted.range)?.getBoundingClientRect() ?? rect;
    card.show(painted, cardContent(painted.finding, scanner.signalsOf(painted), entry), rect, words);
  };
  const hide = () => {
    wanted = null;
    card.hide();
  };

  // Listen before reading, or lists published in between (right after install) would be missed.
  let loads = 0;
  /** The publish whose matcher and settings this tab has (see PUBLISHED_KEY). */
  let published: string | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    // A frame waiting for text reads what is stored when it has some.
    if (signal.aborted || area !== 'local' || waiting) return;
    if (ACTIVE_KEY in changes) ruleTexts.forget();
    if (!(COMPILED_KEY in changes) && !(PAGE_SETTINGS_KEY in changes)) return;
    // The first read may already have brought this publish: then the page is not read again.
    const id = parsePublishedId(changes[PUBLISHED_KEY]?.newValue);
    if (id !== undefined && id === published) return;
    published = id;
    const current = ++loads; // a newer change may be unpacked first
    void (async () => {
      const next = COMPILED_KEY in changes ? await matcherFromStore(changes[COMPILED_KEY]!.newValue) : matcher;
      if (current !== loads) return;
      matcher = next;
      if (PAGE_SETTINGS_KEY in changes) pageSettings = parsePageSettings(changes[PAGE_SETTINGS_KEY]!.newValue);
      if (ready) load();
    })();
  });
  // Injected at document_end, not document_start: the page first. Measured on the 130 saved pages
  // (2026-11-26): injected at document_start, with the unpacking and the first slice held back to
  // DOMContentLoaded, every page had highlights within 100 ms of DOMContentLoaded, but the page's
  // own first paint came a median 32 ms later (up to 104 ms) and DOMContentLoaded 35 ms later. At
  // document_end first paint moves by a median 8 ms and the highlights follow it. Only the storage
  // read starts earlier, when the DOM is complete (early-read.ts).
  let ready = false;
  /**
   * Read what is stored, then the page: at start (`atStart`), or once a frame that had nothing to
   * read has text. `from`: when that was, for the unpack measure.
   */
  const begin = async (from: number, atStart: boolean) => {
    waiting = false;
    const { stored, early } = await readFirst();
    if (loads === 0) published = parsePublishedId(stored[PUBLISHED_KEY]);
    // The early read is often done by the time the script has been evaluated: unpacking would then
    // go on in the evaluation's task, and reading the first slice after it (see next-task.ts).
    await nextTask();
    const unpacked = await matcherFromStore(stored[COMPILED_KEY]);
    // From the script's start (or the text's coming) to a usable matcher: reading (or taking the
    // early read) and unpacking what the background compiled.
    performance.measure('wortlupe:unpack', { start: from, detail: { early } });
    // What a change brought meanwhile is newer; the rest comes from the first read. (A change of the
    // page settings alone used to take the place of the matcher too, with the one of no rules: a tab
    // whose settings changed while it started flagged nothing until the lists changed.)
    matcher ??= unpacked;
    pageSettings ??= parsePageSettings(stored[PAGE_SETTINGS_KEY]);
    // At start the DOM is complete; the wait only guards other injections. A frame woken by text is
    // read as it is, even while its document is open: a page that writes into a frame with
    // document.open() and write() may never close it, and the frame would never be read (the
    // watcher reads what comes after).
    if (atStart && document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    // The first slice of reading in a task of its own, not in the one that unpacked.
    await nextTask();
    // Removed or updated meanwhile: an orphan paints nothing.
    if (!browser.runtime.id) return stopIfOrphaned();
    watcher.watch(document);
    ready = true;
    load();
  };
  // A frame with nothing to read (an ad slot, an empty frame a page writes into later) neither
  // reads nor unpacks the matcher until its DOM changes and it has text (src/dom/readable-text.ts).
  // The page itself always reads at once: text that comes a moment later is painted sooner.
  const wake = () =>
    void begin(performance.now(), false).catch((error: unknown) => {
      if (!browser.runtime.id) return stopIfOrphaned();
      throw error;
    });
  if (waiting) {
    takeEarlyRead(); // usually none was made (early-read.ts asks the same); one that was is dropped
    performance.mark('wortlupe:waiting-for-text');
    watcher.watch(document);
  } else await begin(started, true);

  watchPointer(
    (x, y) => {
      const hit = hitTest(x, y, scanner, painter, shadowRoots);
      if (hit) void show(hit.painted, hit.rect);
      else hide();
    },
    hide,
    signal,
  );

  answerExtension(scanner, painter, (painted, rect) => void show(painted, rect), signal);

  // Esc closes the card (opened by pointing or by the keyboard shortcut). Capture phase, so a page
  // that stops the event still lets the reader close it; the page's own handlers run as before.
  addEventListener(
    'keydown',
    (event) => {
      // Also while a card is on its way (its rule's text still being read): it must not open after Esc.
      if (event.key === 'Escape' && (card.shownFor !== null || wanted !== null)) hide();
    },
    { signal, capture: true },
  );

  // Restored from the back/forward cache: the background forgot this tab's counts on navigation.
  addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) {
        counts.forget();
        report();
      }
    },
    { signal },
  );
}

void start();
