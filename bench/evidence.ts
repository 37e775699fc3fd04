import { randomBytes } from 'node:crypto';
import { PNG } from 'pngjs';
import type { VisitInput } from '../server/canvass/visit-input.ts';
import { clientApi, signaturePng, signedVisit } from '../tests/support/evidence.ts';
import { signInAs } from '../tests/support/sign-in.ts';
import type { TestServer } from '../tests/support/test-server.ts';
import { measure } from './measure.ts';

/** A photo as the phone sends it after compression: about 220 KB that do not compress further. */
function photoBase64(): string {
  const png = new PNG({ width: 240, height: 240 });
  randomBytes(png.data.length).copy(png.data);
  return PNG.sync.write(png).toString('base64');
}

/**
 * What a written vote's evidence costs, side by side in one run over HTTP:
 * recording a signed vote without evidence, with a drawn signature, and with
 * a photographed form (fresh flats each time, each its own voter), and the
 * bytes stored per vote.
 */
export async function evidenceCost(server: TestServer, runs: number) {
  const api = clientApi(await signInAs(server.url, server.db, 'planner'));
  const ids = (await server.sql<{ id: number }>("SELECT id FROM stairwells WHERE estate_id = 1 AND stage = 'canvassing' ORDER BY id")).map((r) => r.id);
  const open: { reg: Awaited<ReturnType<typeof api.register>>; flat: Awaited<ReturnType<typeof api.register>>['register'][number] }[] = [];
  for (const id of ids) {
    const reg = await api.register(id);
    for (const flat of reg.register) if (flat.status === 'unvisited' && reg.register.filter((f) => f.voterId === flat.voterId).length === 1) open.push({ reg, flat });
  }
  const per = runs + Math.min(10, runs);
  if (open.length < 3 * per) throw new Error(`the bench needs ${3 * per} unvisited flats, the estate has ${open.length}`);
  const signature = signaturePng();
  const photo = photoBase64();
  const visits = (kind: 'none' | 'signature' | 'photo') =>
    open.splice(0, per).map(({ reg, flat }): VisitInput => {
      const v = signedVisit(reg, flat, 'signed', new Date(), signature);
      if (kind === 'none') return { ...v, evidence: undefined };
      if (kind === 'photo') return { ...v, evidence: { ...v.evidence!, method: 'form_photo', signaturePng: undefined, photo } };
      return v;
    });
  const results = [];
  for (const kind of ['none', 'signature', 'photo'] as const) {
    const queue = visits(kind);
    results.push(await measure(`recordVisit (signed), evidence: ${kind}`, runs, () => api.recordVisit(queue.shift()!)));
  }
  const stored = await server.sql<{ method: string; n: number | string; bytes: number | string }>('SELECT method, count(*) AS n, sum(bytes) AS bytes FROM vote_evidence GROUP BY method ORDER BY method');
  return {
    signatureBytes: Buffer.from(signature, 'base64').length,
    photoBytes: Buffer.from(photo, 'base64').length,
    recordVisit: results,
    storedBytesPerVote: Object.fromEntries(stored.map((r) => [r.method, Math.round(Number(r.bytes) / Number(r.n))])),
  };
}
