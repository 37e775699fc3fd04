import { PNG } from 'pngjs';
import { consentText, isFormal } from '../../geo/evidence/index.ts';
import type { HouseholdStatus } from '../../geo/consent/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import type { StairwellRegister } from '../../client/components/canvass/stairwell-view.tsx';
import type { VisitInput } from '../../server/canvass/visit-input.ts';
import type { createCaller } from './caller.ts';
import type { Client } from './sign-in.ts';

/**
 * A signature as the phone's pad makes it: a 600 × 200 PNG, transparent, with
 * a pen stroke across it ('stroke'), one dot of the pen ('dot'), or nothing.
 */
export function signaturePng(kind: 'stroke' | 'dot' | 'empty' = 'stroke'): string {
  const png = new PNG({ width: 600, height: 200 });
  const ink = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const i = ((y + dy) * 600 + (x + dx)) * 4;
        png.data[i] = 20;
        png.data[i + 1] = 30;
        png.data[i + 2] = 60;
        png.data[i + 3] = 255;
      }
  };
  if (kind === 'dot') ink(300, 100);
  if (kind === 'stroke') for (let x = 60; x < 540; x++) ink(x, Math.round(100 + 50 * Math.sin(x / 25)));
  return PNG.sync.write(png).toString('base64');
}

/** A photo of a signed form: a real image (PNG here; the phone sends JPEG). */
export function formPhoto(width = 400, height = 560): string {
  const png = new PNG({ width, height });
  png.data.fill(235);
  return PNG.sync.write(png).toString('base64');
}

type Flat = StairwellRegister['register'][number];

/** The consent text the phone shows for a flat (the voter's rooms in this stairwell, the vote, the day). */
export function consentTextOf(reg: StairwellRegister, flat: Flat, vote: 'signed' | 'opposed' | 'abstain', at: Date): string {
  const rooms = reg.register.filter((f) => f.voterId === flat.voterId).map((f) => ({ room: f.room, areaM2: f.areaM2 }));
  return consentText({ estateName: reg.estateName, doorNumber: reg.doorNumber, rooms, vote, on: shanghaiDay(at) });
}

let serial = 0;
/** A visit that records a written vote with a drawn signature. */
export function signedVisit(reg: StairwellRegister, flat: Flat, status: HouseholdStatus, at: Date, signature = signaturePng()): VisitInput {
  if (!isFormal(status)) throw new Error(`${status} is not a written vote`);
  const id = `${Date.now().toString(36)}-${++serial}-${flat.id}`;
  return {
    flatId: flat.id,
    expectedVersion: flat.version,
    clientId: `visit-${id}`,
    recordedAt: at.toISOString(),
    outcome: 'talked',
    status,
    concerns: flat.concerns,
    compensation: flat.compensation as VisitInput['compensation'],
    evidence: { clientId: `evidence-${id}`, method: 'signature', consentText: consentTextOf(reg, flat, status, at), signaturePng: signature },
  };
}

/** What the helpers below call, through createCaller or over HTTP. */
export interface EvidenceApi {
  register: (stairwellId: number) => Promise<StairwellRegister>;
  recordVisit: (input: VisitInput) => Promise<{ evidence: { id: number } | null }>;
  queue: (estateId: number) => Promise<{ pending: { id: number; stairwellId: number }[] }>;
  verify: (evidenceId: number) => Promise<unknown>;
}
const checks = { voterMatches: true, legible: true, dated: true } as const;
export const callerApi = (c: ReturnType<typeof createCaller>): EvidenceApi => ({
  register: (stairwellId) => c.canvass.register({ stairwellId }),
  recordVisit: (input) => c.canvass.recordVisit(input),
  queue: (estateId) => c.evidence.queue({ estateId }),
  verify: (evidenceId) => c.evidence.review({ evidenceId, verdict: 'verified', checks }),
});
export const clientApi = (c: Client): EvidenceApi => ({
  register: (stairwellId) => c.canvass.register.query({ stairwellId }),
  recordVisit: (input) => c.canvass.recordVisit.mutate(input),
  queue: (estateId) => c.evidence.queue.query({ estateId }),
  verify: (evidenceId) => c.evidence.review.mutate({ evidenceId, verdict: 'verified', checks }),
});

/**
 * Every counted vote of a stairwell signed on the phone and verified by staff,
 * as a committee does before confirming it (征询通过). Returns how many
 * pieces of evidence were verified.
 */
export async function verifyWrittenVotes(api: EvidenceApi, stairwellId: number, at: Date): Promise<number> {
  const reg = await api.register(stairwellId);
  const voters = new Set<number>();
  for (const flat of reg.register) {
    if (flat.evidence !== 'missing' || voters.has(flat.voterId) || !isFormal(flat.status)) continue;
    voters.add(flat.voterId);
    await api.recordVisit(signedVisit(reg, flat, flat.status, at));
  }
  const pending = (await api.queue(reg.estateId)).pending.filter((e) => e.stairwellId === stairwellId);
  for (const e of pending) await api.verify(e.id);
  return pending.length;
}
