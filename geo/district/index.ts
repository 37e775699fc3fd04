/** How deep the server cuts the district's stairwell tiles; MapLibre overzooms beyond (one stairwell fills a 4K wall well before). */
export const DISTRICT_TILE_MAX_ZOOM = 18;
