import { useEffect, useState } from 'react';

/**
 * Index of the view to show, advancing every `seconds` (never when 0) while
 * not `paused`; wraps around when the number of views changes.
 */
export function useFocusCycle(count: number, seconds: number, paused: boolean, restartKey?: unknown): number {
  const [index, setIndex] = useState(0);
  // A new restart key (a pass banner that has ended) starts again from the first view, the whole estate.
  const [lastKey, setLastKey] = useState(restartKey);
  if (restartKey !== lastKey) {
    setLastKey(restartKey);
    setIndex(0);
  }
  useEffect(() => {
    if (seconds <= 0 || paused || count <= 1) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % count), seconds * 1000);
    return () => clearInterval(timer);
  }, [count, seconds, paused]);
  return count > 0 ? index % count : 0;
}
