/**
 * Resolves when the first map of the page has drawn its estate (or after
 * `timeoutMs`, for pages without a map): what is not needed to see the map
 * (the charts' library) is fetched after it, not beside it.
 */
let drawn: () => void = () => undefined;
const firstDrawn = new Promise<void>((resolve) => (drawn = resolve));

export const markFirstMapDrawn = () => drawn();

export const afterFirstMap = (timeoutMs: number) => Promise.race([firstDrawn, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
