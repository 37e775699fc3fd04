import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of each page of a PDF, as Mozilla's pdf.js reads it (the way a
 * reader copies it out), runs joined without spaces so CJK lines compare whole.
 */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * How the font a page prints with spells `chars` in a PDF's text. Chromium
 * writes each glyph's first code point into the PDF's ToUnicode map, and CJK
 * fonts share one glyph between an ideograph and its radical form: 风 comes
 * back as ⻛ (U+2EDB), 面 as ⾯ (U+2FAF). Printing the characters once, one per
 * cell, in the same font, tells which, so the papers' text can be compared
 * as a reader sees it. Returns a function that folds extracted text back.
 */
export async function printedSpelling(page: Page, chars: string): Promise<(text: string) => string> {
  // Only characters beyond ASCII can come back as another code point.
  const unique = [...new Set(chars)].filter((c) => c.codePointAt(0)! > 0x7f && c.trim() !== '');
  const fontFamily = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const probe = await page.context().newPage();
  try {
    await probe.setContent(`<body style="font-family:${fontFamily.replace(/"/g, "'")}">${unique.map((c) => `<span>${c}</span>`).join('|')}</body>`);
    const [text] = await pdfPageTexts(await probe.pdf({ format: 'A4' }));
    const printed = text!.replace(/\s+/g, '').split('|');
    if (printed.length !== unique.length) throw new Error(`probe printed ${printed.length} cells for ${unique.length} characters`);
    const back = new Map(printed.map((p, i) => [p, unique[i]!] as const).filter(([p, c]) => p !== c));
    return (s) => [...s].map((c) => back.get(c) ?? c).join('');
  } finally {
    await probe.close();
  }
}
