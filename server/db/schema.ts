import { sql } from 'drizzle-orm';
import { customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { HouseholdStatus } from '../../geo/consent/index.ts';
import type { MoneyKind, SplitMethod } from '../../geo/cost/index.ts';
import type { Extra, LineGeometry, PolygonGeometry } from '../../geo/estate/index.ts';
import type { EvidenceMethod, EvidenceReview, FormalStatus } from '../../geo/evidence/index.ts';
import type { PlanCorners, PlanPoint } from '../../geo/site-plan/index.ts';
import type { CanvasserRole, ConcernTag, VisitOutcome } from '../../geo/register/index.ts';
import type { LegalKind, ObjectionStatus, Stage, StageDetails } from '../../geo/stages/index.ts';
import type { Role } from '../../geo/access/roles.ts';
import type { FaultKind, VisitKind } from '../../geo/lifecycle/index.ts';
import type { Deliverer, PromiseKind } from '../../geo/register/index.ts';
import type { TeamDuty, TeamPost } from '../../geo/team/index.ts';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const estates = sqliteTable('estates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  boundary: text('boundary', { mode: 'json' }).$type<PolygonGeometry>().notNull(),
  centerLng: real('center_lng').notNull(),
  centerLat: real('center_lat').notNull(),
  /** Whether public-housing lessees vote for their flats (an estate setting, SPEC §3). */
  lesseesVote: integer('lessees_vote', { mode: 'boolean' }).notNull().default(true),
  schematic: integer('schematic', { mode: 'boolean' }).notNull().default(false),
  /** Moved by triggers on every write to the estate, its stairwells or flats, from any connection: what caches key on. */
  revision: integer('revision').notNull().default(0),
  /** The earliest consent event's time, kept by a trigger as events are recorded: a visit's date is checked against it without scanning the campaign. */
  firstEventAt: text('first_event_at'),
  createdAt: createdAt(),
});

export const buildings = sqliteTable(
  'buildings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    code: text('code').notNull(),
    floors: integer('floors').notNull().default(6),
    footprint: text('footprint', { mode: 'json' }).$type<PolygonGeometry>().notNull(),
    extra: text('extra', { mode: 'json' }).$type<Extra>().notNull(),
  },
  (t) => [uniqueIndex('buildings_estate_code').on(t.estateId, t.code)],
);

export const stairwells = sqliteTable(
  'stairwells',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    buildingId: integer('building_id').notNull().references(() => buildings.id),
    doorNumber: text('door_number').notNull(),
    footprint: text('footprint', { mode: 'json' }).$type<PolygonGeometry>().notNull(),
    doorLng: real('door_lng').notNull(),
    doorLat: real('door_lat').notNull(),
    elevatorSite: text('elevator_site', { mode: 'json' }).$type<PolygonGeometry | null>(),
    /** Placed by a planner in /admin: a re-import whose file gives no door (or site) keeps it. */
    doorAdjusted: integer('door_adjusted', { mode: 'boolean' }).notNull().default(false),
    siteAdjusted: integer('site_adjusted', { mode: 'boolean' }).notNull().default(false),
    /** Current stage; every change is also a stage event. */
    stage: text('stage').$type<Stage>().notNull().default('canvassing'),
    stageReason: text('stage_reason'),
    /** While suspended: the stage it resumes to. */
    resumeStage: text('resume_stage').$type<Stage>(),
    extra: text('extra', { mode: 'json' }).$type<Extra>().notNull(),
  },
  (t) => [uniqueIndex('stairwells_estate_door').on(t.estateId, t.doorNumber), index('stairwells_building').on(t.buildingId)],
);

export const voters = sqliteTable(
  'voters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    /** The register's 表决人编号. */
    externalId: text('external_id').notNull(),
    name: text('name'),
    phone: text('phone'),
  },
  (t) => [uniqueIndex('voters_estate_external').on(t.estateId, t.externalId)],
);

export const canvassers = sqliteTable(
  'canvassers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<CanvasserRole>().notNull(),
    partyGroup: text('party_group'),
  },
  (t) => [uniqueIndex('canvassers_estate_external').on(t.estateId, t.externalId)],
);

export const canvasserStairwells = sqliteTable(
  'canvasser_stairwells',
  {
    canvasserId: integer('canvasser_id').notNull().references(() => canvassers.id),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
  },
  (t) => [primaryKey({ columns: [t.canvasserId, t.stairwellId] })],
);

export const flats = sqliteTable(
  'flats',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    floor: integer('floor').notNull(),
    room: text('room').notNull(),
    /** Exclusive area in 0.01 m² (integers, so thresholds never meet floats); null when unknown. */
    areaCentiM2: integer('area_centi_m2'),
    voterId: integer('voter_id').notNull().references(() => voters.id),
    residents: integer('residents').notNull().default(0),
    aged60to79: integer('aged_60_to_79').notNull().default(0),
    aged80plus: integer('aged_80_plus').notNull().default(0),
    status: text('status').$type<HouseholdStatus>().notNull().default('unvisited'),
    concerns: text('concerns', { mode: 'json' }).$type<ConcernTag[]>().notNull(),
    note: text('note'),
    nextVisitOn: text('next_visit_on'),
    /** Who should call next (因户施策): a canvasser of the campaign, or someone the household trusts described in words. */
    nextVisitorCanvasserId: integer('next_visitor_canvasser_id').references(() => canvassers.id),
    nextVisitorNote: text('next_visitor_note'),
    nextVisitReason: text('next_visit_reason'),
    /** 不再上门: set when the household asked not to be visited again; every follow-up list leaves it out. */
    doNotContactOn: text('do_not_contact_on'),
    /** Compensation the household's agreement depends on (priority parking, drying rack, other). */
    compensation: text('compensation', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    canvasserId: integer('canvasser_id').references(() => canvassers.id),
    /** Optimistic concurrency: every edit carries the version it saw. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('flats_stairwell_room').on(t.stairwellId, t.room), index('flats_voter').on(t.voterId)],
);

/** Append-only (triggers refuse UPDATE and DELETE): the campaign's memory. */
export const consentEvents = sqliteTable(
  'consent_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    flatId: integer('flat_id').notNull().references(() => flats.id),
    fromStatus: text('from_status').$type<HouseholdStatus>().notNull(),
    toStatus: text('to_status').$type<HouseholdStatus>().notNull(),
    canvasserId: integer('canvasser_id').references(() => canvassers.id),
    at: text('at').notNull(),
    note: text('note'),
    /** The visit that recorded it, when one did. */
    visitId: integer('visit_id'),
    /** Compensation a yes depends on, recorded with the consent. */
    conditions: text('conditions', { mode: 'json' }).$type<string[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('consent_events_flat').on(t.flatId), index('consent_events_at').on(t.at)],
);

/** Append-only, like consent events. */
export const stageEvents = sqliteTable(
  'stage_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    fromStage: text('from_stage').$type<Stage>().notNull(),
    toStage: text('to_stage').$type<Stage>().notNull(),
    at: text('at').notNull(),
    reason: text('reason'),
    /** The stage's own date (YYYY-MM-DD: notice posted, works started, accepted …); null means the day of `at`. */
    effectiveOn: text('effective_on'),
    details: text('details', { mode: 'json' }).$type<StageDetails>(),
    /** An undo is a new event naming the event it takes back; nothing is deleted. */
    undoes: integer('undoes'),
    createdAt: createdAt(),
  },
  (t) => [index('stage_events_stairwell').on(t.stairwellId)],
);

/** Written objections raised during 公示 (SPEC §4): from which room, what, when, and how each ended. Never on a public screen. */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    /** The room of this stairwell it comes from; null for a neighbour (the notice is addressed to adjacent residents too). */
    flatId: integer('flat_id').references(() => flats.id),
    /** A neighbour's address (another building), and how far it stands from the lift, in metres. */
    fromAddress: text('from_address'),
    distanceM: integer('distance_m'),
    /** A letter's postmark date: it counts, not the day it arrived. */
    postmarkedOn: text('postmarked_on'),
    receivedOn: text('received_on').notNull(),
    content: text('content').notNull(),
    status: text('status').$type<ObjectionStatus>().notNull().default('mediating'),
    resolutionNote: text('resolution_note'),
    resolvedOn: text('resolved_on'),
    /** How the planning bureau's reply answered this objection (its classified reply, 规划资源局异议答复). */
    bureauAnswer: text('bureau_answer'),
    createdAt: createdAt(),
  },
  (t) => [index('objections_stairwell').on(t.stairwellId)],
);

/**
 * The steps the law adds between stages (geo/stages/legal-steps.ts): the post checked after 公示, the bureau's reply to
 * objections, 施工告知, 监督检验, the technical file's handover, 使用登记. One of each kind per stairwell; dated, with the
 * document's number. Undone by a later row naming it, as stage events are.
 */
export const legalRecords = sqliteTable(
  'legal_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    kind: text('kind').$type<LegalKind>().notNull(),
    on: text('on').notNull(),
    reference: text('reference'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    /** Set on a record taken back: the day and who; a record taken back no longer counts. */
    withdrawnAt: text('withdrawn_at'),
    createdAt: createdAt(),
  },
  (t) => [index('legal_records_stairwell').on(t.stairwellId)],
);

export const parkingSpaces = sqliteTable(
  'parking_spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    code: text('code').notNull(),
    polygon: text('polygon', { mode: 'json' }).$type<PolygonGeometry>().notNull(),
    kind: text('kind').$type<'regular' | 'priority' | 'accessible'>().notNull().default('regular'),
    extra: text('extra', { mode: 'json' }).$type<Extra>().notNull(),
  },
  (t) => [uniqueIndex('parking_estate_code').on(t.estateId, t.code)],
);

export const fireLanes = sqliteTable('fire_lanes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  estateId: integer('estate_id').notNull().references(() => estates.id),
  code: text('code').notNull(),
  line: text('line', { mode: 'json' }).$type<LineGeometry>().notNull(),
  roadWidthM: real('road_width_m').notNull(),
  clearWidthM: real('clear_width_m').notNull().default(4),
  extra: text('extra', { mode: 'json' }).$type<Extra>().notNull(),
});

/** Roads and green: drawn on the map, not reasoned about. */
export const mapFeatures = sqliteTable('map_features', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  estateId: integer('estate_id').notNull().references(() => estates.id),
  kind: text('kind').$type<'road' | 'green'>().notNull(),
  geometry: text('geometry', { mode: 'json' }).$type<PolygonGeometry | LineGeometry>().notNull(),
  widthM: real('width_m'),
  extra: text('extra', { mode: 'json' }).$type<Extra>().notNull(),
});

/** A named phasing scenario: parameters, manual moves, and the plan as computed when saved. */
export const phaseScenarios = sqliteTable(
  'phase_scenarios',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id').notNull().references(() => estates.id),
    name: text('name').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    moves: text('moves', { mode: 'json' }).$type<{ stairwellId: number; toPhase: number }[]>().notNull(),
    /** The plan when saved, so later data changes never rewrite what was agreed. */
    result: text('result', { mode: 'json' }).$type<unknown>().notNull(),
    /** When staff adopted it as the construction programme (施工计划): at most one per estate; its plan is the baseline slippage is measured against. */
    adoptedAt: text('adopted_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('phase_scenarios_estate_name').on(t.estateId, t.name)],
);

export { ROLES, type Role } from '../../geo/access/roles.ts';

/** People who sign in; passwords as scrypt hashes only. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** For canvassers: who they are in the campaign (their stairwells). */
  canvasserId: integer('canvasser_id').references(() => canvassers.id),
  /** For a maintainer (维保单位) account: its licence number; it sees the lifts whose agreement names that licence. */
  maintainerLicence: text('maintainer_licence'),
  createdAt: createdAt(),
  /** Set when an admin disables the user: no sign-in, no session. */
  disabledAt: text('disabled_at'),
});

/** Sessions by the SHA-256 of their cookie token, so a stolen database holds no usable cookie. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  expiresAt: text('expires_at').notNull(),
});

/**
 * Failed sign-ins, per user name and address and per address (see
 * LoginLimiter): in the database, so every app server sees the same count.
 */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    key: text('key').notNull(),
    atMs: integer('at_ms').notNull(),
  },
  (t) => [index('login_failures_key').on(t.key, t.atMs)],
);

/** One doorstep visit; `clientId` makes a visit sent twice (offline retries) count once. */
export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    clientId: text('client_id').notNull().unique(),
    flatId: integer('flat_id').notNull().references(() => flats.id),
    userId: integer('user_id').notNull().references(() => users.id),
    canvasserId: integer('canvasser_id').references(() => canvassers.id),
    at: text('at').notNull(),
    outcome: text('outcome').$type<VisitOutcome>().notNull(),
    statusAfter: text('status_after').$type<HouseholdStatus>().notNull(),
    concerns: text('concerns', { mode: 'json' }).$type<ConcernTag[]>().notNull(),
    note: text('note'),
    nextVisitOn: text('next_visit_on'),
    /** After a flat flips to signed: what finally worked (a closed set, see geo/register) and a note. */
    whatWorked: text('what_worked', { mode: 'json' }).$type<string[]>(),
    whatWorkedNote: text('what_worked_note'),
    /** What a yes depends on: priority parking, drying rack, other. */
    compensation: text('compensation', { mode: 'json' }).$type<string[]>().notNull(),
    lat: real('lat'),
    lng: real('lng'),
    distanceM: real('distance_m'),
    /** Why it needs a staff member's review before counting on the leaderboard, if it does. */
    flag: text('flag'),
    review: text('review').$type<'none' | 'pending' | 'accepted' | 'rejected'>().notNull().default('none'),
  },
  (t) => [index('visits_flat').on(t.flatId), index('visits_user_at').on(t.userId, t.at)],
);

/** A stairwell's agreed cost split: floor coefficients (floors 1–6, %) and the lift's estimated cost. */
export const stairwellCosts = sqliteTable('stairwell_costs', {
  stairwellId: integer('stairwell_id').primaryKey().references(() => stairwells.id),
  coefficients: text('coefficients', { mode: 'json' }).$type<number[]>().notNull(),
  liftCostYuan: integer('lift_cost_yuan').notNull(),
});

/** The committee's prepared answers (锦囊) per concern, editable by staff. */
export const concernAnswers = sqliteTable('concern_answers', {
  tag: text('tag').$type<ConcernTag>().primaryKey(),
  answerZh: text('answer_zh').notNull(),
  answerEn: text('answer_en').notNull(),
});

/** Backups taken of this database, so /admin can say when the last one ran. */
export const backups = sqliteTable('backups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  file: text('file').notNull(),
  bytes: integer('bytes').notNull(),
  at: text('at').notNull(),
});

/**
 * Every committed change, written in the same transaction as the change
 * itself (an outbox): live screens read it after commit, a reconnecting
 * screen resumes from its last id, and a change made by another process (the
 * CLI) is seen too. AUTOINCREMENT ids are never reused, so they survive
 * restarts and pruning. Door numbers and stages only, never personal data.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    estateId: integer('estate_id'),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('change_log_estate').on(t.estateId, t.id)],
);

/** Bytes (a photo, a scan) as a BLOB: the same custom type as PostgreSQL's bytea, so both read as a Buffer. */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'blob' });

/**
 * An estate's paper site plan (总平面图) as a photo or scan, and where it
 * lies: the points pinned on it and on the map, the four corners fitted to
 * them, and how opaque it is drawn under the layout being traced.
 */
export const sitePlans = sqliteTable('site_plans', {
  estateId: integer('estate_id').primaryKey().references(() => estates.id),
  mime: text('mime').notNull(),
  image: bytes('image').notNull(),
  sha256: text('sha256').notNull(),
  widthPx: integer('width_px').notNull(),
  heightPx: integer('height_px').notNull(),
  points: text('points', { mode: 'json' }).$type<PlanPoint[]>().notNull(),
  corners: text('corners', { mode: 'json' }).$type<PlanCorners>(),
  opacity: real('opacity').notNull().default(0.6),
  updatedAt: text('updated_at').notNull(),
});

/**
 * A written vote's evidence (SPEC §3, 掌上签约): the voter's signature drawn
 * on the phone under `consentText`, a photo of the signed paper form, or a
 * proxy's signature with a photo of the 委托书; each file stored with its
 * SHA-256 (checked by restore). One vote per voter in a stairwell: the live
 * evidence is the newest not sent back. Staff only and the stairwell's
 * canvasser may open it; never on the wall, a deck, an export or a log.
 */
export const voteEvidence = sqliteTable(
  'vote_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Made on the phone; the same evidence sent twice is stored once. */
    clientId: text('client_id').notNull().unique(),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    flatId: integer('flat_id').notNull().references(() => flats.id),
    voterId: integer('voter_id').notNull().references(() => voters.id),
    vote: text('vote').$type<FormalStatus>().notNull(),
    method: text('method').$type<EvidenceMethod>().notNull(),
    consentText: text('consent_text').notNull(),
    signature: bytes('signature'),
    signatureSha256: text('signature_sha256'),
    photo: bytes('photo'),
    photoMime: text('photo_mime'),
    photoSha256: text('photo_sha256'),
    /** Bytes of both files together. */
    bytes: integer('bytes').notNull(),
    visitId: integer('visit_id').references(() => visits.id),
    recordedBy: integer('recorded_by').notNull().references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
    review: text('review').$type<EvidenceReview>().notNull().default('pending'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    /** Why staff sent it back (or a remark when verifying). */
    reviewNote: text('review_note'),
    /** For a paper original (纸质原件): where the signed form is kept (box, folder, page). */
    archiveLocation: text('archive_location'),
  },
  (t) => [index('vote_evidence_voter').on(t.stairwellId, t.voterId), index('vote_evidence_review').on(t.review)],
);

/** Every opening of an evidence file: who, which evidence (so which flat), which file, when. */
export const evidenceAccess = sqliteTable(
  'evidence_access',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evidenceId: integer('evidence_id').notNull().references(() => voteEvidence.id),
    userId: integer('user_id').notNull().references(() => users.id),
    part: text('part').$type<'signature' | 'photo'>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('evidence_access_evidence').on(t.evidenceId)],
);

/** The cost split a stairwell's owners agreed and signed (issue "After the vote"): the newest row counts; older ones are its history. Amounts in fen. */
export const costAgreements = sqliteTable(
  'cost_agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    method: text('method').$type<SplitMethod>().notNull(),
    agreedOn: text('agreed_on').notNull(),
    liftCostFen: integer('lift_cost_fen').notNull(),
    coefficients: text('coefficients', { mode: 'json' }).$type<number[]>(),
    /** `custom`: each flat's part of the owners' share in fen, by flat id. */
    custom: text('custom', { mode: 'json' }).$type<Record<string, number>>(),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('cost_agreements_stairwell').on(t.stairwellId)],
);

/** Money per flat, in fen: a payment, a 住房公积金 withdrawal (whose account, in the note), or a hardship arrangement. Staff only; never on a public screen. */
export const moneyEntries = sqliteTable(
  'money_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    flatId: integer('flat_id').notNull().references(() => flats.id),
    kind: text('kind').$type<MoneyKind>().notNull(),
    amountFen: integer('amount_fen').notNull(),
    on: text('on').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('money_entries_stairwell').on(t.stairwellId)],
);

/** The subsidy of a stairwell's lift: claimed after acceptance, received later. One row per stairwell. */
export const subsidyClaims = sqliteTable('subsidy_claims', {
  stairwellId: integer('stairwell_id').primaryKey().references(() => stairwells.id),
  appliedOn: text('applied_on').notNull(),
  claimedFen: integer('claimed_fen').notNull(),
  receivedOn: text('received_on'),
  receivedFen: integer('received_fen'),
  recordedBy: text('recorded_by').notNull(),
  at: text('at').notNull(),
});

/** A lift in service: who manages its use and who maintains it under which agreement, and its inspection's validity. The newest row counts; older rows are its history. */
export const liftServices = sqliteTable(
  'lift_services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    userUnit: text('user_unit').notNull(),
    maintainer: text('maintainer').notNull(),
    maintainerLicence: text('maintainer_licence').notNull(),
    maintainerPhone: text('maintainer_phone').notNull(),
    priceFenPerYear: integer('price_fen_per_year').notNull(),
    termFrom: text('term_from').notNull(),
    termTo: text('term_to').notNull(),
    guarantor: text('guarantor'),
    template: text('template'),
    inspectionValidUntil: text('inspection_valid_until').notNull(),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lift_services_stairwell').on(t.stairwellId)],
);

/**
 * The secret printed in each lift's QR code (the sticker in the car): a maintainer's visit is recorded only by
 * scanning it, at the lift. Made when the lift's first maintenance agreement is recorded; it outlives agreements.
 */
export const liftTags = sqliteTable('lift_tags', {
  stairwellId: integer('stairwell_id').primaryKey().references(() => stairwells.id),
  tag: text('tag').notNull(),
  createdAt: createdAt(),
});

/** A maintenance visit (TSG T5002), recorded by the maintainer's account after scanning the lift's QR code. */
export const maintenanceVisits = sqliteTable(
  'maintenance_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    /** Shanghai time +08:00. */
    visitedAt: text('visited_at').notNull(),
    kind: text('kind').$type<VisitKind>().notNull(),
    maintainerLicence: text('maintainer_licence').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('maintenance_visits_stairwell').on(t.stairwellId, t.visitedAt)],
);

/** A fault or a trapped-passenger incident: alarm, arrival, release and repair times (set once each). */
export const liftFaults = sqliteTable(
  'lift_faults',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    kind: text('kind').$type<FaultKind>().notNull(),
    alarmAt: text('alarm_at').notNull(),
    arrivedAt: text('arrived_at'),
    releasedAt: text('released_at'),
    resolvedAt: text('resolved_at'),
    description: text('description').notNull(),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lift_faults_stairwell').on(t.stairwellId)],
);

/** A repair paid from the maintenance fund: posted, approved after 7 days' notice, done. */
export const liftRepairs = sqliteTable(
  'lift_repairs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    description: text('description').notNull(),
    amountFen: integer('amount_fen').notNull(),
    noticedOn: text('noticed_on').notNull(),
    approvedOn: text('approved_on'),
    doneOn: text('done_on'),
    recordedBy: text('recorded_by').notNull(),
    at: text('at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('lift_repairs_stairwell').on(t.stairwellId)],
);

/** 最大公约数: a promise to a household for its yes, with its deliverer, the stage it is due by, its delivery photo and sign-off. */
export const promises = sqliteTable(
  'promises',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    flatId: integer('flat_id').notNull().references(() => flats.id),
    kind: text('kind').$type<PromiseKind>().notNull(),
    deliverer: text('deliverer').$type<Deliverer>().notNull(),
    dueStage: text('due_stage').$type<Stage>().notNull(),
    note: text('note'),
    madeBy: text('made_by').notNull(),
    madeAt: text('made_at').notNull(),
    deliveredOn: text('delivered_on'),
    photo: bytes('photo'),
    photoMime: text('photo_mime'),
    /** The household signed off the delivery (验收签认). */
    signedOffOn: text('signed_off_on'),
    createdAt: createdAt(),
  },
  (t) => [index('promises_stairwell').on(t.stairwellId), index('promises_flat').on(t.flatId)],
);

/** 党建引领 and 1+2+N: a canvasser of the estate in a post behind a stairwell, with what they answer for (a stage, floors, flats). */
export const teamMembers = sqliteTable(
  'team_members',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stairwellId: integer('stairwell_id').notNull().references(() => stairwells.id),
    canvasserId: integer('canvasser_id').notNull().references(() => canvassers.id),
    post: text('post').$type<TeamPost>().notNull(),
    duty: text('duty', { mode: 'json' }).$type<TeamDuty>().notNull(),
    /** The day they took the post (a secretary's is the day the temporary branch was set up). */
    since: text('since').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('team_members_post').on(t.stairwellId, t.canvasserId, t.post), index('team_members_canvasser').on(t.canvasserId)],
);
