import { z } from 'zod';

export const lngLatSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .rest(z.number())
  .transform((p): [number, number] => [p[0], p[1]]);

const ringSchema = z
  .array(lngLatSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must be closed (first position equal to the last)');

export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ringSchema).min(1, 'a polygon needs an outer ring'),
});

export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(lngLatSchema).min(2, 'a line needs at least 2 positions'),
});

export type PolygonGeometry = z.infer<typeof polygonSchema>;
export type LineGeometry = z.infer<typeof lineStringSchema>;
