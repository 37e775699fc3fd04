import { and, asc, eq } from 'drizzle-orm';
import { consentText, EVIDENCE_STATE_ZH, METHOD_NEEDS, type FormalStatus } from '../../geo/evidence/index.ts';
import { shanghaiDay } from '../../geo/time/index.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { refuse } from '../refusal.ts';
import { first, only, type Db } from '../db/database.ts';
import { sha256, type CheckedEvidenceFiles } from './evidence-files.ts';
import { inWorker } from '../workers/worker-pool.ts';
import type { EvidenceInput } from './evidence-input.ts';
import { requireSameWrittenVote } from './live-evidence.ts';

interface EvidenceTarget {
  estateId: number;
  stairwellId: number;
  doorNumber: string;
  flat: { id: number; room: string; voterId: number };
  vote: FormalStatus;
  /** When the vote was cast (the visit's time on the phone). */
  at: string;
  visitId: number | null;
}

/** The consent text for a voter's flats in a stairwell: what the phone showed and what is stored. */
export async function consentTextFor(db: Db, t: Pick<EvidenceTarget, 'estateId' | 'stairwellId' | 'doorNumber' | 'flat' | 'vote' | 'at'>): Promise<string> {
  const { estates, flats } = db.t;
  const estate = (await first(db.select({ name: estates.name }).from(estates).where(eq(estates.id, t.estateId))))!;
  const rooms = await db
    .select({ room: flats.room, areaCentiM2: flats.areaCentiM2 })
    .from(flats)
    .where(and(eq(flats.stairwellId, t.stairwellId), eq(flats.voterId, t.flat.voterId)))
    .orderBy(asc(flats.floor), asc(flats.room));
  return consentText({
    estateName: estate.name,
    doorNumber: t.doorNumber,
    rooms: rooms.map((r) => ({ room: r.room, areaM2: r.areaCentiM2 === null ? null : r.areaCentiM2 / 100 })),
    vote: t.vote,
    on: shanghaiDay(new Date(t.at)),
  });
}

/**
 * A written vote's files checked before any transaction, in a worker
 * thread (a signature is decoded to see its stroke): what the method needs
 * is there, and the files are what they claim (a signature with a stroke,
 * a photo that is an image, under their caps). Only the files the method
 * uses are read.
 */
export async function checkEvidence(input: EvidenceInput): Promise<CheckedEvidenceFiles> {
  const needs = METHOD_NEEDS[input.method];
  if (needs.signature && !input.signaturePng)
    throw refuse.badInput('请表决人（或代理人）在手机上签名', 'the voter (or proxy) must sign on the phone', 'evidence.signaturePng');
  if (needs.photo && !input.photo)
    throw refuse.badInput(
      input.method === 'proxy' ? '代理人表决需要拍摄委托书' : '请拍摄签好字的纸质表决票',
      input.method === 'proxy' ? 'a proxy vote needs a photo of the power of attorney (委托书)' : 'photograph the signed paper form',
      'evidence.photo',
    );
  const files = { ...(needs.signature ? { signaturePng: input.signaturePng } : {}), ...(needs.photo ? { photo: input.photo } : {}) };
  return await inWorker('checkEvidence', files, { file: needs.photo ? '照片 photo' : '签名 signature', seconds: 10, field: needs.photo ? 'evidence.photo' : 'evidence.signaturePng' });
}

/**
 * Stores a written vote's evidence in the caller's transaction, its files
 * checked beforehand (checkEvidence): the text must be the one this flat's
 * voter was shown, and the voter must not already have cast a different
 * written vote in this stairwell. Sent twice, it is stored once; its id
 * sent again for another flat or another vote is refused.
 */
export async function storeEvidence(tx: Db, user: SessionUser, target: EvidenceTarget, input: EvidenceInput, files: CheckedEvidenceFiles): Promise<{ id: number; bytes: number; duplicate: boolean }> {
  const { voteEvidence } = tx.t;
  const seen = await first(tx.select({ id: voteEvidence.id, bytes: voteEvidence.bytes, flatId: voteEvidence.flatId, vote: voteEvidence.vote }).from(voteEvidence).where(eq(voteEvidence.clientId, input.clientId)));
  if (seen && (seen.flatId !== target.flat.id || seen.vote !== target.vote))
    throw refuse.conflict(
      `${target.doorNumber} ${target.flat.room}：这份凭证的编号已用于另一户或另一种表决，未保存：请在手机上重新签字或拍照`,
      `${target.doorNumber} ${target.flat.room}: this evidence id is already stored for another flat or another vote; nothing was saved: sign or photograph again on the phone`,
    );
  if (seen) return { id: seen.id, bytes: seen.bytes, duplicate: true };
  const signature = files.signature && Buffer.from(files.signature.buffer, files.signature.byteOffset, files.signature.length);
  const photo = files.photo && { bytes: Buffer.from(files.photo.bytes.buffer, files.photo.bytes.byteOffset, files.photo.bytes.length), mime: files.photo.mime };
  const text = await consentTextFor(tx, target);
  if (input.consentText !== text)
    throw refuse.conflict(
      `${target.doorNumber} ${target.flat.room}：签字时显示的表决内容与登记不符（登记为：${text}）：请刷新后让表决人重新签字`,
      `${target.doorNumber} ${target.flat.room}: the text shown when signing differs from the register (now: ${text}); reload and ask the voter to sign again`,
    );
  const live = await requireSameWrittenVote(tx, target.stairwellId, target.doorNumber, target.flat, target.vote);
  if (live)
    throw refuse.conflict(
      `${target.doorNumber} ${target.flat.room}：这一票已有书面凭证（${live.room} 室记录，${EVIDENCE_STATE_ZH[live.review === 'verified' ? 'verified' : 'pending']}），无需重复`,
      `${target.doorNumber} ${target.flat.room}: this vote already has evidence (recorded for room ${live.room}, ${live.review})`,
    );
  const total = (signature?.length ?? 0) + (photo?.bytes.length ?? 0);
  const row = await only(tx
    .insert(voteEvidence)
    .values({
      clientId: input.clientId,
      stairwellId: target.stairwellId,
      flatId: target.flat.id,
      voterId: target.flat.voterId,
      vote: target.vote,
      method: input.method,
      consentText: text,
      signature,
      signatureSha256: signature && sha256(signature),
      photo: photo?.bytes ?? null,
      photoMime: photo?.mime ?? null,
      photoSha256: photo && sha256(photo.bytes),
      bytes: total,
      visitId: target.visitId,
      recordedBy: user.id,
      recordedAt: target.at,
    })
    .returning({ id: voteEvidence.id }));
  return { id: row.id, bytes: total, duplicate: false };
}
