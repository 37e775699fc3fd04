import { useQuery } from '@tanstack/react-query';
import { useChanges } from './use-changes.ts';
import type { DistrictOverview } from '../../server/queries/district-overview.ts';

/**
 * The subdistrict overview, read again every minute. It is a GIS endpoint,
 * not a procedure: the server sends it as cached text with an ETag, so an
 * unchanged district costs the browser a 304.
 */
export function useDistrictOverview() {
  // Any estate's change re-reads the overview (a 304 when nothing it shows moved).
  useChanges(null);
  return useQuery({
    queryKey: ['district-overview'],
    queryFn: async (): Promise<DistrictOverview> => {
      const res = await fetch('/api/district/overview.json');
      if (!res.ok) throw new Error(`the subdistrict overview did not load (HTTP ${res.status})`);
      return (await res.json()) as DistrictOverview;
    },
    refetchInterval: 60_000,
  });
}
