// One change at a time: a queue runs tasks in a critical section, so two changes arriving together
// cannot both start from the same old state.
export function queue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
