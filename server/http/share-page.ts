import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sharePreview } from '../../geo/campaign/index.ts';
import type { Db } from '../db/database.ts';
import { publicStairwell } from '../campaign/public-stairwell.ts';
import { Refusal } from '../refusal.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A stairwell's public page with its title and Open Graph preview in the HTML itself (a chat app reads no script):
 * the estate, the door, the step and totals, and the link at LIFTMAP_PUBLIC_URL when one is set. Null when the
 * stairwell does not exist (the app's page then says so).
 */
export async function stairwellSharePage(db: Db, clientDir: string, id: number, now: Date, publicUrl: string | null): Promise<string | null> {
  let p;
  try {
    p = await publicStairwell(db, id, now);
  } catch (e) {
    if (e instanceof Refusal) return null;
    throw e;
  }
  const { title, description } = sharePreview({ estateName: p.estateName, doorNumber: p.doorNumber, stage: p.stage, ruleMet: p.step === 'rule_met', voters: p.votes ? { agreeing: p.votes.voters.agreeing, total: p.votes.voters.total } : null });
  const html = await readFile(join(clientDir, 'index.html'), 'utf8');
  const url = publicUrl ? `${publicUrl}/stairwell/${id}` : null;
  const tags = [
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escape(title)}">`,
    `<meta property="og:description" content="${escape(description)}">`,
    `<meta name="description" content="${escape(description)}">`,
    ...(url ? [`<meta property="og:url" content="${escape(url)}">`, `<meta property="og:image" content="${escape(`${publicUrl}/icons/icon-512.png`)}">`, `<link rel="canonical" href="${escape(url)}">`] : []),
  ].join('');
  return html.replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>${tags}`);
}

export function sendPage(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(html);
}
