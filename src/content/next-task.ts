// Ends the content script's task and goes on in a later one, so that the browser can answer input
// and paint in between. Its start-up is three tasks, not one: evaluating the bundle, unpacking the
// stored matcher, reading the first slice of the page. Traced in Chromium on the bench's news page,
// the three in one task took 31–41 ms (tracing on); the longest of them alone is the evaluation.

type Scheduler = { yield?: () => Promise<void> };

/** Resolves in a later task: scheduler.yield() where there is one (it resumes ahead of other queued tasks), else a timer. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
