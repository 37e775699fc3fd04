/** One legend entry: fill colour, a readable text colour on it, and its labels. */
export interface PaletteEntry {
  color: `#${string}`;
  text: '#000000' | '#ffffff';
  zh: string;
  en: string;
}
