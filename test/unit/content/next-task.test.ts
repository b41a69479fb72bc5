// How the content script gives way between the tasks of its start (src/content/next-task.ts).
import { afterEach, expect, it, vi } from 'vitest';
import { nextTask } from '../../../src/content/next-task';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

it('uses scheduler.yield() where the browser has it, called on the scheduler, and waits for what it returns', async () => {
  let resume = () => {};
  const scheduler = { yield: vi.fn(() => new Promise<void>((resolve) => (resume = resolve))) };
  vi.stubGlobal('scheduler', scheduler);
  let done = false;
  void nextTask().then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect([done, scheduler.yield.mock.contexts]).toEqual([false, [scheduler]]);
  resume();
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect(done).toBe(true);
});

it('else waits for a timer: the promise is not settled by microtasks alone', async () => {
  vi.stubGlobal('scheduler', undefined);
  vi.useFakeTimers();
  let done = false;
  void nextTask().then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect(done).toBe(false);
  await vi.runAllTimersAsync();
  expect(done).toBe(true);
});
