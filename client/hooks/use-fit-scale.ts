import { useEffect, useState, type RefObject } from 'react';

/** The scale that fits a `width`×`height` stage inside the element, kept current as it resizes. */
export function useFitScale(box: RefObject<HTMLElement | null>, width: number, height: number): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      const r = entry!.contentRect;
      if (r.width > 0 && r.height > 0) setScale(Math.min(r.width / width, r.height / height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, width, height]);
  return scale;
}
