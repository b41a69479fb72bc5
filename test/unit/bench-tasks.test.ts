// The benchmark's reading of a Chromium trace (test/bench/tasks.ts): which of the page's tasks are
// the extension's, and which it made long. Events as Chromium writes them, times in µs.
import { describe, expect, it } from 'vitest';
import { extensionTasks, type TraceEvent } from '../../test/bench/tasks';

const BASE = 'chrome-extension://abc/';
const SCRIPT = `${BASE}src/content/index.js`;
const main = { pid: 7, tid: 7 };

const task = (ts: number, ms: number, on = main): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur: ms * 1000, ...on });
const inside = (name: string, ts: number, ms: number, url?: string, on = main): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur: ms * 1000,
  ...on,
  ...(url ? { args: { data: { url } } } : {}),
});
const measure = (name: string, ph: 'b' | 'e', ts: number, id: string, on = main): TraceEvent => ({ name, ph, ts, id2: { local: id }, ...on });

describe('extensionTasks', () => {
  it('takes the evaluation of the bundle as the extension\'s task', () => {
    const events = [task(0, 20), inside('EvaluateScript', 100, 19.5, SCRIPT), measure('wortlupe:evaluate', 'e', 10_000, '0x1')];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 20, madeLong: 0 });
  });

  it('takes the microtasks in which unpacking ends as the extension\'s (they carry no script address)', () => {
    const events = [task(0, 25), inside('RunMicrotasks', 200, 24), measure('wortlupe:unpack', 'e', 20_000, '0x1')];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 25, madeLong: 0 });
  });

  it('refuses a trace in which a measure of the script ends outside any script it shows', () => {
    const events = [task(0, 25), measure('wortlupe:unpack', 'e', 20_000, '0x1')];
    expect(() => extensionTasks(events, BASE)).toThrow('the trace shows no script around the end of wortlupe:unpack at 20000 µs');
  });

  it('pairs the begin and end of a scan pass on one thread only', () => {
    const events = [task(0, 40), measure('wortlupe:scan', 'b', 1_000, '0x2'), measure('wortlupe:scan', 'e', 39_000, '0x2', { pid: 8, tid: 8 })];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 0, madeLong: 0 });
  });

  it('takes an idle-time scan pass as the extension\'s, even where no script address is written', () => {
    const events = [task(0, 40), measure('wortlupe:scan', 'b', 1_000, '0x2'), measure('wortlupe:scan', 'e', 39_000, '0x2')];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 40, madeLong: 0 });
  });

  it('does not count a long task of the page in which the extension\'s listener ran briefly', () => {
    const events = [task(0, 71), inside('ParseHTML', 100, 70), inside('FunctionCall', 60_000, 1.3, `${BASE}src/content/early.js`)];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 0, madeLong: 0 });
  });

  it('counts a task of the page that the extension\'s time made longer than 50 ms', () => {
    const events = [task(0, 52), inside('ParseHTML', 0, 46), inside('FunctionCall', 46_500, 5, SCRIPT)];
    expect(extensionTasks(events, BASE)).toEqual({ longest: 0, madeLong: 1 });
  });

  it('counts nested script events once, and nothing on other threads or from other origins', () => {
    const events = [
      task(0, 20),
      inside('EvaluateScript', 0, 8, SCRIPT),
      inside('v8.run', 1_000, 6, undefined),
      { ...inside('v8.run', 1_000, 6), args: { fileName: SCRIPT } },
      task(0, 60, { pid: 7, tid: 9 }),
      inside('FunctionCall', 0, 59, SCRIPT, { pid: 7, tid: 8 }),
      task(100_000, 45),
      inside('EvaluateScript', 100_000, 44, 'https://example.org/app.js'),
    ];
    // 8 ms of 20 is less than half: the first task is not the extension's own.
    expect(extensionTasks(events, BASE)).toEqual({ longest: 0, madeLong: 0 });
  });
});
