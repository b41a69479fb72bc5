// A live region that follows every keystroke is read out at every keystroke: "3 rules found",
// "12 rules found", "1 rule found" while the reader is still typing. It follows this instead.
import { useEffect, useState } from 'preact/hooks';

/** How long typing must pause before what it found is said. */
export const SETTLE_MS = 500;

/** `value` once it has stayed the same for SETTLE_MS; `empty` (nothing to say) at once. */
export function useSettled<T>(value: T, empty: T): T {
  const [settled, setSettled] = useState(value);
  const now = value === empty ? empty : settled;
  useEffect(() => {
    if (value === empty) return setSettled(empty);
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return now;
}
