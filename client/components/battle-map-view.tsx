import { useContext, useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { BattleMap, type BattleMapOptions } from '../map/battle-map.ts';
import { MapThemeContext } from '../map/map-theme.ts';
import { useTRPC } from '../trpc.ts';
import type { EstateMap } from '../wire.ts';

interface Props extends BattleMapOptions {
  data: EstateMap;
  selectedId: number | null;
  /** Overlay sources' features by source id. */
  overlayData?: Readonly<Record<string, GeoJSON.FeatureCollection>>;
  /** Feature-state by source id, then feature id. */
  states?: Readonly<Record<string, ReadonlyMap<number, Record<string, unknown>>>>;
  /** Stairwells to frame (all when empty); leave undefined to keep the user's view. */
  focusIds?: readonly number[];
  /** Stairwells outlined as focused or celebrated. */
  flags?: { focus?: readonly number[]; celebrate?: readonly number[] };
  /** Colour keys live changes announced, by stairwell, drawn before the map's data is re-read. */
  recolours?: ReadonlyMap<number, string>;
}

/** Mounts the BattleMap; React only hands it data, overlays, states and the selection. */
export function BattleMapView({ data, selectedId, interactive, onSelect, onSpaceSelect, padding, pixelRatio, fill, overlay, overlayData, states, focusIds, flags, recolours, zoomControl, focusMaxZoom }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<BattleMap | null>(null);
  const ready = useRef<Promise<void>>(Promise.resolve());
  const onSelectRef = useRef(onSelect);
  const onSpaceRef = useRef(onSpaceSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
    onSpaceRef.current = onSpaceSelect;
  });

  // The basemap is server configuration: known before the map is made, the same for every view.
  const trpc = useTRPC();
  const basemap = useQuery({ ...trpc.estate.basemap.queryOptions(), staleTime: Infinity });
  const basemapKnown = basemap.isSuccess || basemap.isError;
  const theme = useContext(MapThemeContext);

  useEffect(() => {
    if (!container.current || !basemapKnown) return;
    const m = new BattleMap(container.current, {
      basemap: basemap.data ?? null,
      interactive,
      padding,
      pixelRatio,
      fill,
      overlay,
      theme,
      zoomControl,
      focusMaxZoom,
      onSelect: (id) => onSelectRef.current?.(id),
      onSpaceSelect: onSpaceSelect ? (code) => onSpaceRef.current?.(code) : undefined,
    });
    map.current = m;
    return () => {
      m.destroy();
      map.current = null;
    };
    // The map is created once per mount; data, overlays and selection flow in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interactive, basemapKnown, theme]);

  useEffect(() => {
    const m = map.current;
    if (m) ready.current = m.setData(data);
  }, [data, basemapKnown, theme]);

  useEffect(() => {
    const m = map.current;
    if (m && pixelRatio && m.pixelRatio() !== pixelRatio) void m.setPixelRatio(pixelRatio);
  }, [pixelRatio]);

  useEffect(() => {
    const m = map.current;
    if (!m || !overlayData) return;
    void ready.current.then(() => Promise.all(Object.entries(overlayData).map(([id, fc]) => m.setOverlay(id, fc))));
  }, [overlayData, basemapKnown, theme]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    void ready.current.then(() => {
      for (const [id, s] of Object.entries(states ?? {})) m.setStates(id, s);
      m.select(selectedId);
    });
  }, [states, selectedId, basemapKnown, theme]);

  const focusKey = focusIds?.join(',');
  useEffect(() => {
    const m = map.current;
    if (!m || focusKey === undefined) return;
    void ready.current.then(() => m.focus(focusKey ? focusKey.split(',').map(Number) : []));
  }, [focusKey, basemapKnown, theme]);

  useEffect(() => {
    const m = map.current;
    if (!m || !flags) return;
    void ready.current.then(() => {
      m.flag('focus', flags.focus ?? []);
      m.flag('celebrate', flags.celebrate ?? []);
    });
  }, [flags, basemapKnown, theme]);

  useEffect(() => {
    const m = map.current;
    if (!m || !recolours || recolours.size === 0) return;
    void ready.current.then(() => m.recolour(recolours));
  }, [recolours, basemapKnown, theme]);

  return <div ref={container} className="battle-map" data-testid="battle-map" />;
}
