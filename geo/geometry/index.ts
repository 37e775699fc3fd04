export { createLocalFrame, type LocalFrame, type LngLat, type Metres2 } from './local-frame.ts';
