import { useQuery } from '@tanstack/react-query';
import type { EstateCollection } from '../../geo/editing/index.ts';

/** The estate's layout in the import format (GET estate.geojson): what /edit changes and saves back. */
export function useEstateFile(estateId: number | undefined) {
  return useQuery({
    queryKey: ['estate-file', estateId],
    enabled: estateId !== undefined,
    queryFn: async (): Promise<EstateCollection> => {
      const res = await fetch(`/api/estates/${estateId}/estate.geojson`);
      if (!res.ok) throw new Error(`estate.geojson: ${res.status}`);
      return (await res.json()) as EstateCollection;
    },
  });
}
