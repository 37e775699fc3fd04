import { evaluateConsent } from '../consent/evaluate-consent.ts';
import { voteOf } from '../consent/household-status.ts';
import { isFormal } from '../evidence/formal-votes.ts';
import { shanghaiIso } from '../time/shanghai-iso.ts';
import type { CampaignHistory, EvidenceRow } from '../register/register-types.ts';
import type { CampaignPlan } from './generate-campaign.ts';
import { createRng, type Rng } from './rng.ts';

/** The box a seeded signature is drawn in, as the phone's pad (CSS px). */
export const SIGNATURE_BOX = { width: 360, height: 140 } as const;

const HOUR = 3_600_000;
/** A few written votes are photographed paper forms; the rest signed on the phone. */
const FORM_PHOTO_SHARE = 0.06;
/** In a stairwell still canvassing, this share of written votes has no evidence yet (待补证). */
const MISSING_SHARE = 0.07;
/** Votes recorded within this many days of the campaign's last day are still waiting for staff (待核验). */
const QUEUE_DAYS = 6;

/** A coordinate kept inside the pad, 3 px from its edge. */
const clamp = (v: number, side: number) => Math.round(Math.min(side - 3, Math.max(3, v)));

/**
 * A name as a finger signs it on a phone: two or three characters of two to
 * four short strokes each, every stroke a gently bent line of points in
 * SIGNATURE_BOX. Written as the CSV stores it: points "x,y" joined by
 * spaces, strokes by ";".
 */
export function syntheticSignature(rng: Rng): string {
  const strokes: string[] = [];
  const characters = rng.int(2, 3);
  const cell = Math.min(96, (SIGNATURE_BOX.width - 40) / characters);
  for (let c = 0; c < characters; c++) {
    const left = 20 + c * cell + rng.int(-4, 4);
    const top = 22 + rng.int(-6, 6);
    for (let s = rng.int(2, 4); s > 0; s--) {
      const x0 = left + rng.int(0, cell * 0.6);
      const y0 = top + rng.int(0, 70);
      const x1 = Math.min(left + cell - 4, x0 + rng.int(-20, 60));
      const y1 = Math.min(top + 90, y0 + rng.int(-10, 50));
      const bend = rng.int(-14, 14);
      const points: string[] = [];
      for (let i = 0; i <= 8; i++) {
        const t = i / 8;
        const x = x0 + (x1 - x0) * t + bend * Math.sin(Math.PI * t);
        const y = y0 + (y1 - y0) * t - bend * 0.5 * Math.sin(Math.PI * t);
        points.push(`${clamp(x, SIGNATURE_BOX.width)},${clamp(y, SIGNATURE_BOX.height)}`);
      }
      strokes.push(points.join(' '));
    }
  }
  // The underline a hurried hand adds.
  const y = 112 + rng.int(0, 10);
  strokes.push(`24,${y} ${Math.round(SIGNATURE_BOX.width * 0.45)},${y + rng.int(-4, 4)} ${20 + characters * cell},${y + rng.int(-6, 2)}`);
  return strokes.join(';');
}

/** The strokes of syntheticSignature as points. */
export function signatureStrokes(text: string): [number, number][][] {
  return text.split(';').map((stroke) => stroke.split(' ').map((p) => p.split(',').map(Number) as [number, number]));
}

const ms = (iso: string) => new Date(iso).getTime();

/**
 * The written evidence of a generated campaign's votes (SPEC §3, 掌上签约),
 * from its own seeded RNG: every written vote of a stairwell already
 * confirmed (征询通过 or later) was verified before its confirmation; in a
 * stairwell that meets the rule but is not yet confirmed, the older votes
 * are verified and the last days' wait for staff (待核验), so a newcomer can
 * verify them and confirm; elsewhere the last days' votes wait too and a few
 * have no evidence yet (待补证).
 */
export function generateEvidence(plan: CampaignPlan, campaign: CampaignHistory): EvidenceRow[] {
  const rng = createRng(plan.seed + 1);
  const end = new Date(`${plan.startDate}T00:00:00+08:00`).getTime() + plan.days * 24 * HOUR;
  const confirmedAt = new Map<string, string>();
  for (const e of campaign.stageEvents) if (e.to === 'consent_passed') confirmedAt.set(e.doorNumber, e.at);
  const lastChange = new Map<string, string>();
  for (const e of campaign.consentEvents) lastChange.set(`${e.doorNumber}\u0000${e.room}`, e.at);

  const out: EvidenceRow[] = [];
  for (const doorNumber of plan.doorNumbers) {
    const rows = campaign.register.filter((r) => r.doorNumber === doorNumber);
    const confirmed = confirmedAt.get(doorNumber) ?? null;
    const meetsRule =
      rows.every((r) => r.areaM2 !== null) &&
      evaluateConsent(rows.map((r) => ({ flatId: r.room, voterId: r.voterId, areaM2: r.areaM2 ?? 0, vote: voteOf(r.status) }))).passed;
    const seen = new Set<string>();
    for (const row of rows) {
      if (!isFormal(row.status) || seen.has(row.voterId)) continue;
      seen.add(row.voterId);
      const at = lastChange.get(`${doorNumber}\u0000${row.room}`);
      if (!at) continue;
      const method = rng.chance(FORM_PHOTO_SHARE) ? 'form_photo' : 'signature';
      const signature = syntheticSignature(rng);
      const recent = end - ms(at) < QUEUE_DAYS * 24 * HOUR;
      // Staff check evidence in the daytime, the same day or within two days.
      const dayStart = ms(`${at.slice(0, 10)}T00:00:00+08:00`);
      const checkedAfter = Math.max(HOUR, dayStart + rng.int(0, 2) * 24 * HOUR + rng.int(9 * 60, 20 * 60) * 60_000 - ms(at));
      if (confirmed) {
        // Checked before the stairwell was confirmed: an hour before it at the latest.
        const reviewed = Math.max(ms(at) + HOUR, Math.min(ms(at) + checkedAfter, ms(confirmed) - HOUR));
        out.push({ at, doorNumber, room: row.room, vote: row.status, method, signature, review: 'verified', reviewedAt: shanghaiIso(new Date(reviewed)) });
        continue;
      }
      if (!meetsRule && rng.chance(MISSING_SHARE)) continue;
      const waiting = recent || (meetsRule && rng.chance(0.25)) || ms(at) + checkedAfter >= end;
      const reviewedAt = waiting ? null : shanghaiIso(new Date(ms(at) + checkedAfter));
      out.push({ at, doorNumber, room: row.room, vote: row.status, method, signature, review: waiting ? 'pending' : 'verified', reviewedAt });
    }
  }
  return out;
}
