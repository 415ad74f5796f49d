import { useEffect, useState } from "react";

/**
 * `value`, `delay` ms after it last changed. Checking and rendering a long answer costs up to ~25 ms, too much
 * for every keystroke; primitives only, so an equal value never restarts the timer.
 */
export function useDebouncedValue<T extends string | number | boolean>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
