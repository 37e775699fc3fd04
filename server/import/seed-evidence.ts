import { consentText } from '../../geo/evidence/index.ts';
import type { CampaignHistory } from '../../geo/register/index.ts';
import { DEMO_USER } from '../auth/manage-users.ts';
import { only, type Db } from '../db/database.ts';
import { sha256 } from '../evidence/evidence-files.ts';


/** Each row of a folder's vote-evidence.csv names a room of the register whose status is that vote. */
export function evidenceProblems(campaign: CampaignHistory): string[] {
  const statusOf = new Map(campaign.register.map((r) => [`${r.doorNumber}\u0000${r.room}`, r.status]));
  return (campaign.evidence ?? []).flatMap((e, i) => {
    const status = statusOf.get(`${e.doorNumber}\u0000${e.room}`);
    const where = `vote-evidence.csv row ${i + 2}`;
    if (status === undefined) return [`${where}: no flat ${e.doorNumber} ${e.room} in the register`];
    if (status !== e.vote) return [`${where}: ${e.doorNumber} ${e.room} is ${status} in the register, not ${e.vote}`];
    if (e.review === 'verified' && !e.reviewedAt) return [`${where}: a verified vote needs reviewedAt`];
    return [];
  });
}

interface SeedEvidence {
  estateName: string;
  campaign: CampaignHistory;
  files: { signature: Buffer | null; photo: Buffer | null }[];
  stairwellOf: Map<string, number>;
  flatOf: Map<string, number>;
  voterOf: Map<string, number>;
}

/**
 * The demo campaign's evidence, in the import's transaction: each row stored
 * as the phone would have stored it (the consent text the voter saw, the
 * files with their SHA-256), recorded and reviewed by DEMO_USER.
 */
export async function insertSeedEvidence(tx: Db, { estateName, campaign, files, stairwellOf, flatOf, voterOf }: SeedEvidence): Promise<void> {
  const { users, voteEvidence } = tx.t;
  const demo = await only(tx.insert(users).values({ username: DEMO_USER, passwordHash: '!', role: 'viewer', disabledAt: campaign.evidence![0]!.at }).onConflictDoUpdate({ target: users.username, set: { role: 'viewer' } }).returning({ id: users.id }));
  const roomsOf = new Map<string, { room: string; areaM2: number | null }[]>();
  for (const r of campaign.register) {
    const key = `${r.doorNumber}\u0000${r.voterId}`;
    roomsOf.set(key, [...(roomsOf.get(key) ?? []), { room: r.room, areaM2: r.areaM2 }]);
  }
  const voterIdOf = new Map(campaign.register.map((r) => [`${r.doorNumber}\u0000${r.room}`, r.voterId]));
  const rows = campaign.evidence!.map((e, i) => {
    const key = `${e.doorNumber}\u0000${e.room}`;
    const voterId = voterIdOf.get(key)!;
    const { signature, photo } = files[i] ?? { signature: null, photo: null };
    return {
      clientId: `seed-${e.doorNumber}-${e.room}`,
      stairwellId: stairwellOf.get(e.doorNumber)!,
      flatId: flatOf.get(key)!,
      voterId: voterOf.get(voterId)!,
      vote: e.vote,
      method: e.method,
      consentText: consentText({ estateName, doorNumber: e.doorNumber, rooms: roomsOf.get(`${e.doorNumber}\u0000${voterId}`) ?? [], vote: e.vote, on: e.at.slice(0, 10) }),
      signature,
      signatureSha256: signature && sha256(signature),
      photo,
      photoMime: photo ? 'image/png' : null,
      photoSha256: photo && sha256(photo),
      bytes: (signature?.length ?? 0) + (photo?.length ?? 0),
      recordedBy: demo.id,
      recordedAt: e.at,
      review: e.review,
      reviewedBy: e.review === 'verified' ? demo.id : null,
      reviewedAt: e.reviewedAt,
    };
  });
  for (let i = 0; i < rows.length; i += 200) await tx.insert(voteEvidence).values(rows.slice(i, i + 200));
}
