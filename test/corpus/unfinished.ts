// A load of a saved page that never finished: the browser's now and then, or a page that never does.
// Used by run-firefox.ts, whose tabs (over WebDriver BiDi) now and then stay short of readyState
// "complete" for the whole wait: rtl-4.html with Wortlupe once in a CI run, while its other loads,
// the rtl pages loaded 12 times after it, and every CI run before finished.

export interface Finished {
  /** The page reached readyState "complete". */
  complete: boolean;
  errors: string[];
}

/**
 * `load()` once more, in a new tab, when it never finished loading; `which` is then added to
 * `stalls`, for the page's line. The first load's errors are kept. Only loading is retried: a page
 * that loaded but was never scanned is Wortlupe's failure, and one that never finishes twice
 * comes back unfinished, for the caller to fail.
 */
export async function loadToEnd<T extends Finished>(load: () => Promise<T>, stalls: string[], which: string): Promise<T> {
  const first = await load();
  if (first.complete) return first;
  stalls.push(which);
  const second = await load();
  return { ...second, errors: [...first.errors, ...second.errors] };
}
