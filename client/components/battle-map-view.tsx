import { useEffect, useRef } from 'react';
import type { EstateMap } from '../../server/queries/estate-map.ts';
import { BattleMap, type BattleMapOptions } from '../map/battle-map.ts';

interface Props extends BattleMapOptions {
  data: EstateMap;
  selectedId: number | null;
}

/** Mounts the BattleMap; React only hands it data and the selection. */
export function BattleMapView({ data, selectedId, interactive, onSelect, padding }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<BattleMap | null>(null);
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });

  useEffect(() => {
    if (!container.current) return;
    const m = new BattleMap(container.current, { interactive, padding, onSelect: (id) => onSelectRef.current?.(id) });
    map.current = m;
    return () => {
      m.destroy();
      map.current = null;
    };
    // The map is created once per mount; data and selection flow in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interactive]);

  useEffect(() => {
    const m = map.current;
    if (m) void m.setData(data).then(() => m.select(selectedId));
  }, [data, selectedId]);

  return <div ref={container} className="battle-map" data-testid="battle-map" />;
}
