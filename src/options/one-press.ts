// An action a button starts that must run once at a time: presses while it runs do nothing. (A
// second restore of a deleted list would be refused, the list being back already, and that refusal
// would read as if the first had failed.)
import { useRef, useState } from 'preact/hooks';

/** `busy` while the action runs (for aria-disabled); `press` starts it unless it is running. */
export function useOnePress<A>(action: (arg: A) => Promise<void>): { busy: boolean; press: (arg: A) => void } {
  const [busy, setBusy] = useState(false);
  // A ref, not only the state: two presses before the next render both see the state as it was.
  const running = useRef(false);
  const press = (arg: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    void action(arg).finally(() => {
      running.current = false;
      setBusy(false);
    });
  };
  return { busy, press };
}
