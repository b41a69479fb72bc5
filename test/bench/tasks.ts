// The extension's main-thread tasks, from a Chromium trace of one load.
//
// Scan passes are measured by the content script itself (`wortlupe:scan`), but a task can hold more
// than a pass: compiling and evaluating the bundle, unpacking the stored matcher. Only the
// browser's own task boundaries (toplevel `ThreadControllerImpl::RunTask`) tell how long the page
// could not answer input. The extension's script also runs inside the page's tasks (the listener
// of the script injected at document_start runs in the parser's task): such a task counts against
// the extension only where its time made the task long.
//
// What this cannot tell apart: the page's microtasks that run in the same checkpoint as one of the
// extension's continuations count as the extension's; the browser's style and paint work for the
// highlights count as no one's (they run outside any script).

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { data?: { url?: string }; fileName?: string } & Record<string, unknown>;
}

export interface ExtensionTasks {
  /** The longest task, in ms, of which the extension's script took at least half (0 if none). */
  longest: number;
  /** Tasks longer than LONG_TASK_MS that would not have been without the extension's time in them. */
  madeLong: number;
}

/** What the Long Tasks API and Chromium's tools call a long task. */
export const LONG_TASK_MS = 50;

/** Trace categories that hold every event read here (RunMicrotasks is in v8.execute). */
export const CATEGORIES = ['toplevel', 'v8', 'v8.execute', 'devtools.timeline', 'blink.user_timing'];

/** The content script's measures: its script runs from a scan pass's begin to its end, and where the others end. */
const PASS = 'wortlupe:scan';
const OWN_ENDS = new Set(['wortlupe:evaluate', 'wortlupe:unpack']);

type Span = { pid: number; tid: number; from: number; to: number };

/** `base`: the extension's origin ("chrome-extension://<id>/"). Times in the trace are µs. */
export function extensionTasks(events: readonly TraceEvent[], base: string): ExtensionTasks {
  const fromBase = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith(base);
  const spans: Span[] = [];
  const ends: TraceEvent[] = [];
  const begun = new Map<string, TraceEvent>();
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined && (e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.run') && fromBase(e)) {
      spans.push({ pid: e.pid, tid: e.tid, from: e.ts, to: e.ts + e.dur });
    } else if ((e.ph === 'b' || e.ph === 'e') && e.name === PASS) {
      const key = `${e.pid} ${e.tid} ${e.id2?.local ?? e.id}`;
      const begin = begun.get(key);
      if (e.ph === 'b') begun.set(key, e);
      else if (begin) {
        begun.delete(key);
        spans.push({ pid: e.pid, tid: e.tid, from: begin.ts, to: e.ts });
      }
    } else if (e.ph === 'e' && OWN_ENDS.has(e.name)) ends.push(e);
  }
  // Promise continuations (unpacking, after a pause for the browser or once the storage read came)
  // have no script address of their own: the microtasks in which one of the script's measures ends
  // are its.
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunMicrotasks' || e.dur === undefined) continue;
    const to = e.ts + e.dur;
    if (ends.some((end) => end.pid === e.pid && end.tid === e.tid && end.ts >= e.ts && end.ts <= to)) spans.push({ pid: e.pid, tid: e.tid, from: e.ts, to });
  }
  // A measure that ends outside every span means the trace lacks what this reads (a category, a
  // renamed event): better no number than one that leaves the extension's work out.
  const lost = ends.find((end) => !spans.some((s) => s.pid === end.pid && s.tid === end.tid && end.ts >= s.from && end.ts <= s.to));
  if (lost) throw new Error(`the trace shows no script around the end of ${lost.name} at ${lost.ts} µs`);
  let longest = 0;
  let madeLong = 0;
  for (const task of events) {
    if (task.ph !== 'X' || task.name !== 'ThreadControllerImpl::RunTask' || task.dur === undefined) continue;
    const ours = covered(spans, task.pid, task.tid, task.ts, task.ts + task.dur) / 1000;
    if (ours === 0) continue;
    const ms = task.dur / 1000;
    if (ours >= ms / 2) longest = Math.max(longest, ms);
    if (ms > LONG_TASK_MS && ms - ours <= LONG_TASK_MS) madeLong++;
  }
  return { longest, madeLong };
}

/** How much of [from, to] on one thread the spans cover (overlaps counted once). */
function covered(spans: readonly Span[], pid: number, tid: number, from: number, to: number): number {
  const parts = spans
    .filter((s) => s.pid === pid && s.tid === tid && s.to > from && s.from < to)
    .map((s) => [Math.max(s.from, from), Math.min(s.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = from;
  for (const [start, stop] of parts) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
}
