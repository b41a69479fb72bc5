// The read started at document_start and handed over to the main content script.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { startEarlyRead, takeEarlyRead } from '../../../src/content/early-read';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** A storage API as content scripts see it, with the keys they ask for recorded. */
function fakeStorage(data: Record<string, unknown>) {
  const listeners = new Set<Listener>();
  const asked: string[][] = [];
  /** Calls in order: a listener added after the read began would miss a change in between. */
  const calls: string[] = [];
  const storage = {
    local: {
      get: (keys: string[]) => {
        calls.push('get');
        asked.push(keys);
        return Promise.resolve(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])));
      },
    },
    onChanged: {
      addListener: (l: Listener) => {
        calls.push('listen');
        listeners.add(l);
      },
      removeListener: (l: Listener) => listeners.delete(l),
    },
  };
  const change = (changes: Record<string, unknown>, area = 'local') => [...listeners].forEach((l) => l(changes, area));
  return { storage, listeners, asked, calls, change };
}

const global = globalThis as { chrome?: unknown; browser?: unknown; document?: unknown; wortlupeEarlyRead?: unknown; top?: unknown; self?: unknown };

/** The page's document as the script finds it at document_start; `complete()` ends the parsing. */
function parsingDocument() {
  const document = Object.assign(new EventTarget(), { readyState: 'loading' });
  const complete = () => {
    document.readyState = 'interactive';
    document.dispatchEvent(new Event('readystatechange'));
  };
  global.document = document;
  return { complete };
}

beforeEach(() => {
  global.document = { readyState: 'interactive' };
});

afterEach(() => {
  delete global.chrome;
  delete global.browser;
  delete global.document;
  delete global.wortlupeEarlyRead;
  delete global.top;
  delete global.self;
});

describe('early read', () => {
  it('reads the matcher and page settings once and hands the result over', async () => {
    const fake = fakeStorage({ compiledMatcher: { format: 'x' }, pageSettings: { disabledSites: [] }, activeLists: { lists: [] } });
    global.chrome = { storage: fake.storage };
    startEarlyRead();
    expect(fake.asked).toEqual([['compiledMatcher', 'pageSettings', 'publishedId']]);
    expect(fake.calls).toEqual(['listen', 'get']);
    expect(await takeEarlyRead()).toEqual({ compiledMatcher: { format: 'x' }, pageSettings: { disabledSites: [] } });
    // Taken once: its listener is gone and a second take finds nothing.
    expect(fake.listeners.size).toBe(0);
    expect(takeEarlyRead()).toBeUndefined();
  });

  it('asks nothing while the page is parsed: only once its DOM is complete', async () => {
    const fake = fakeStorage({ pageSettings: 'read' });
    global.chrome = { storage: fake.storage };
    const page = parsingDocument();
    startEarlyRead();
    expect(fake.asked).toEqual([]);
    page.complete();
    expect(fake.asked).toEqual([['compiledMatcher', 'pageSettings', 'publishedId']]);
    expect(await takeEarlyRead()).toEqual({ pageSettings: 'read' });
  });

  it('asks nothing when the main script came first and reads for itself', () => {
    const fake = fakeStorage({});
    global.chrome = { storage: fake.storage };
    const page = parsingDocument();
    startEarlyRead();
    expect(takeEarlyRead()).toBeUndefined();
    page.complete();
    expect(fake.asked).toEqual([]);
    expect(fake.listeners.size).toBe(0);
  });

  it('uses Firefox’s browser namespace where there is one', async () => {
    const firefox = fakeStorage({ pageSettings: 'firefox' });
    const chrome = fakeStorage({ pageSettings: 'chrome' });
    global.browser = { storage: firefox.storage };
    global.chrome = { storage: chrome.storage };
    startEarlyRead();
    expect(await takeEarlyRead()).toEqual({ pageSettings: 'firefox' });
    expect(chrome.asked).toEqual([]);
  });

  it.each(['compiledMatcher', 'pageSettings'])('is dropped when %s changes before the main script takes it', (key) => {
    const fake = fakeStorage({});
    global.chrome = { storage: fake.storage };
    startEarlyRead();
    fake.change({ [key]: { newValue: 1 } });
    expect(takeEarlyRead()).toBeUndefined();
    expect(fake.listeners.size).toBe(0);
  });

  it('is kept when other keys or other storage areas change', async () => {
    const fake = fakeStorage({ pageSettings: 'kept' });
    global.chrome = { storage: fake.storage };
    startEarlyRead();
    fake.change({ activeLists: { newValue: 1 } });
    fake.change({ compiledMatcher: { newValue: 1 } }, 'session');
    expect(await takeEarlyRead()).toEqual({ pageSettings: 'kept' });
  });

  it('does nothing without a storage API, and the main script then reads for itself', () => {
    startEarlyRead();
    expect(takeEarlyRead()).toBeUndefined();
  });

  describe('in a frame', () => {
    /** The script's global as in a frame (its top window is another), with a complete document of `html`. */
    const frame = (html: string) => {
      const window = new Window();
      window.document.body.innerHTML = html;
      global.document = window.document;
      global.self = globalThis;
      global.top = {};
    };

    it('asks nothing where there is nothing to read: the main script reads once text comes', () => {
      const fake = fakeStorage({ pageSettings: 'read' });
      global.chrome = { storage: fake.storage };
      frame('<a href="#"><img alt=""></a><script>var x = "Text";</script>');
      startEarlyRead();
      expect(fake.asked).toEqual([]);
      expect(fake.listeners.size).toBe(0);
      expect(takeEarlyRead()).toBeUndefined();
    });

    it('reads in a frame with text', async () => {
      const fake = fakeStorage({ pageSettings: 'read' });
      global.chrome = { storage: fake.storage };
      frame('<p>Im Rahmen: Kanonenfutter.</p>');
      startEarlyRead();
      expect(await takeEarlyRead()).toEqual({ pageSettings: 'read' });
    });
  });
});
