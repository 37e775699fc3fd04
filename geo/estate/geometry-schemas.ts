import { z } from 'zod';

/** Positions per ring and rings per polygon: far more than any building has, few enough to check quickly. */
export const MAX_RING_POSITIONS = 10_000;
export const MAX_RINGS = 100;

export const lngLatSchema = z
  .array(z.number())
  .min(2, 'expected a position [lng, lat]')
  .max(4, 'expected a position [lng, lat] (with at most an altitude and a measure)')
  .refine((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90, 'expected longitude within ±180 and latitude within ±90')
  .transform((p): [number, number] => [p[0]!, p[1]!]);

const ringSchema = z
  .array(lngLatSchema)
  .min(4, 'a ring needs at least 4 positions')
  .max(MAX_RING_POSITIONS, `a ring has at most ${MAX_RING_POSITIONS} positions`)
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must be closed (first position equal to the last)');

export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ringSchema).min(1, 'a polygon needs an outer ring').max(MAX_RINGS, `a polygon has at most ${MAX_RINGS} rings`),
});

export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(lngLatSchema).min(2, 'a line needs at least 2 positions').max(MAX_RING_POSITIONS, `a line has at most ${MAX_RING_POSITIONS} positions`),
});

export type PolygonGeometry = z.infer<typeof polygonSchema>;
export type LineGeometry = z.infer<typeof lineStringSchema>;
