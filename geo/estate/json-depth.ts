/** GeoJSON nests four deep (collection, feature, polygon, ring, position); files deeper than this are not estates. */
export const MAX_GEOJSON_DEPTH = 32;

/** Why a file nested deeper than that is refused. */
export const DEPTH_PROBLEM = `the file nests more than ${MAX_GEOJSON_DEPTH} levels deep: GeoJSON of an estate nests four (文件嵌套超过 ${MAX_GEOJSON_DEPTH} 层，不是小区的 GeoJSON)`;

/**
 * Whether a parsed JSON value nests at most `limit` arrays and objects deep,
 * found without recursion, so a 100,000-deep file is refused before any
 * recursive parser sees it.
 */
export function withinDepth(value: unknown, limit = MAX_GEOJSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return false;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return true;
}
