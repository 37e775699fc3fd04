export { createLocalFrame, type LocalFrame, type LngLat, type Metres2 } from './local-frame.ts';
export { firstCrossing } from './first-crossing.ts';
