/** GeoJSON nests four deep (collection, feature, polygon, ring, position); files deeper than this are not estates. */
export const MAX_GEOJSON_DEPTH = 32;

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
