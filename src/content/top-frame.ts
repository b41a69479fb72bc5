// Whether this script runs in the page itself or in a frame of it. Frames wait for text before they
// read (index.ts, early-read.ts) and bring themselves into the page's view (bring-into-view.ts).

/** The page itself, not a frame in it. */
export function isTopFrame(): boolean {
  return globalThis.top === globalThis.self;
}
