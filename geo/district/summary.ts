import type { CampaignCounts, Headline } from '../campaign/index.ts';

/** One estate of the subdistrict overview. */
export interface DistrictEstate {
  id: number;
  name: string;
  schematic: boolean;
  center: [number, number];
  boundary: GeoJSON.Polygon;
  headline: Headline;
}

/** What `GET /api/district/summary.json` sends: the estates and the totals (the stairwells come as vector tiles). */
export interface DistrictSummary {
  estates: DistrictEstate[];
  total: { campaign: CampaignCounts; flatsSigned: number; flatTotal: number };
}
