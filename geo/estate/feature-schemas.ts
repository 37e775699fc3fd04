import { z } from 'zod';
import type { FeatureKind } from './feature-kinds.ts';
import { lineStringSchema, lngLatSchema, polygonSchema } from './geometry-schemas.ts';

const text = z.string().trim().min(1, 'expected a non-empty string');
const positiveMetres = z.coerce.number().positive('expected a positive width in metres');

/** Per kind: the geometry and the properties SPEC §7 defines; extra properties pass through. */
export const FEATURE_SCHEMAS = {
  boundary: z.object({
    geometry: polygonSchema,
    properties: z.looseObject({ name: text, schematic: z.boolean().default(false) }),
  }),
  building: z.object({
    geometry: polygonSchema,
    properties: z.looseObject({
      code: text,
      floors: z.coerce.number().int().min(1).max(40).default(6),
      stairwellCount: z.coerce.number().int().min(1).max(20).optional(),
    }),
  }),
  stairwell: z.object({
    geometry: polygonSchema,
    properties: z.looseObject({ doorNumber: text, buildingCode: text, door: lngLatSchema.optional() }),
  }),
  elevator_site: z.object({ geometry: polygonSchema, properties: z.looseObject({ doorNumber: text }) }),
  road: z.object({ geometry: lineStringSchema, properties: z.looseObject({ widthM: positiveMetres.default(5) }) }),
  fire_lane: z.object({
    geometry: lineStringSchema,
    properties: z.looseObject({ roadWidthM: positiveMetres, clearWidthM: positiveMetres.default(4) }),
  }),
  parking: z.object({
    geometry: polygonSchema,
    properties: z.looseObject({
      spaceId: z.union([text, z.number().transform(String)]).optional(),
      accessible: z.boolean().default(false),
    }),
  }),
  green: z.object({ geometry: polygonSchema, properties: z.looseObject({}) }),
} satisfies Record<FeatureKind, z.ZodType>;

export type ParsedFeature<K extends FeatureKind> = z.infer<(typeof FEATURE_SCHEMAS)[K]>;
