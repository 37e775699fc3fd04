export { featureKey, withGeometry, type EditResult, type EstateCollection } from './estate-collection.ts';
export { addBuilding, placeBuilding, removeBuilding } from './building-edits.ts';
export { cutPolygon, nextDoorNumber, rotateSite, splitStairwell } from './stairwell-edits.ts';
export { addFireLane, addParkingRow, parkingRow, removeFeature, SPACE_DEPTH_M, SPACE_WIDTH_M } from './surrounding-edits.ts';
export { rotatePolygon, translationBetween } from './metric.ts';
