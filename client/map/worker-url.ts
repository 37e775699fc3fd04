import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

// MapLibre 6 under a bundler needs its worker emitted as an asset and named once.
setWorkerUrl(workerUrl);
// Its workers start now, while the page still asks the server for the estate, not once the map is made.
prewarm();
