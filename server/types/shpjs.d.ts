/** shpjs (MIT) ships no types: the two parsers LiftMap calls on files it unzipped itself. */
declare module 'shpjs' {
  /** A .shp's shapes as GeoJSON geometries, in the file's own coordinates when no projection is passed. */
  export function parseShp(shp: ArrayBuffer | DataView | Uint8Array, prj?: string | false): GeoJSON.Geometry[];
  /** A .dbf's records, decoded with the .cpg's code page (UTF-8 when none). */
  export function parseDbf(dbf: ArrayBuffer | DataView | Uint8Array, cpg?: string): Record<string, unknown>[];
}
