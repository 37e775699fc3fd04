import { useQuery } from '@tanstack/react-query';
import { useChanges } from './use-changes.ts';
import type { DistrictSummary } from '../../geo/district/summary.ts';

/** The summary, and the version its tiles are cut at (the server's ETag). */
export type DistrictView = DistrictSummary & { version: string };

/**
 * The subdistrict's estates and totals, read again every minute; the
 * stairwells come as vector tiles of the same version. GIS endpoints, not
 * procedures: the server sends cached text with an ETag, so an unchanged
 * district costs the browser a 304.
 */
export function useDistrictOverview() {
  // Any estate's change re-reads the overview (a 304 when nothing it shows moved).
  useChanges(null);
  return useQuery({
    queryKey: ['district-overview'],
    queryFn: async (): Promise<DistrictView> => {
      const res = await fetch('/api/district/summary.json');
      if (!res.ok) throw new Error(`the subdistrict overview did not load (HTTP ${res.status})`);
      return { ...((await res.json()) as DistrictSummary), version: res.headers.get('etag') ?? '' };
    },
    refetchInterval: 60_000,
  });
}
