export { crsFromCoordinates, crsFromName, crsFromWkt, inChina, positionToWgs84, type CrsResult, type OutlineCrs } from './outline-crs.ts';
export { MAX_OUTLINES, outlinesFromFeatures, type AttributeValue, type Outline, type OutlineSet } from './outlines-from-features.ts';
export { codeOf, estimateStairwells, floorsOf, guessFields, METRES_PER_STAIRWELL } from './outline-fields.ts';
export { buildingChoices, buildingCodes, DEFAULT_MAPPING, hullBoundary, outlinesToEstate, preselectOutlines, type BuildingChoice, type OutlineMapping } from './outlines-to-estate.ts';
