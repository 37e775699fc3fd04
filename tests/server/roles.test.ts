import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../server/auth/sessions.ts';
import { createContextInner } from '../../server/context.ts';
import type { Role } from '../../server/db/schema.ts';
import { appRouter } from '../../server/routers/_app.ts';
import { createCallerFactory } from '../../server/trpc.ts';
import { allProcedures, fingerprint } from '../support/hostile-corpus.ts';
import { seededDatabase } from '../support/test-server.ts';

type Who = Role | 'anonymous';
const STAFF: Who[] = ['admin', 'planner'];
const ADMIN: Who[] = ['admin'];
const FIELD: Who[] = ['admin', 'planner', 'canvasser'];
const ANYONE: Who[] = ['anonymous', 'viewer', 'canvasser', 'planner', 'admin', 'maintainer'];
/** A lift's upkeep: its maintainer's account (its own lifts only) and staff. */
const UPKEEP: Who[] = ['admin', 'planner', 'maintainer'];

/**
 * Who may call each procedure, as the README gives the roles: a new
 * procedure fails this test until it is listed here.
 */
const ALLOWED: Record<string, Who[]> = {
  'auth.me': ANYONE,
  'promises.ofEstate': STAFF,
  'promises.photo': STAFF,
  'promises.make': STAFF,
  'promises.deliver': STAFF,
  'promises.signOff': STAFF,
  'teams.coverage': ANYONE,
  'teams.ofStairwell': STAFF,
  'teams.canvassers': STAFF,
  'teams.assign': STAFF,
  'teams.remove': STAFF,
  'teams.import': STAFF,
  'upkeep.myLifts': UPKEEP,
  'upkeep.lift': UPKEEP,
  'upkeep.sticker': STAFF,
  'upkeep.recordVisit': UPKEEP,
  'upkeep.reportFault': UPKEEP,
  'upkeep.updateFault': UPKEEP,
  'upkeep.proposeRepair': STAFF,
  'upkeep.settleRepair': STAFF,
  'auth.login': ANYONE,
  'auth.logout': ANYONE,
  'admin.lastBackup': STAFF,
  'admin.site': STAFF,
  'admin.previewEstate': STAFF,
  'admin.importEstate': STAFF,
  'admin.readOutlines': STAFF,
  'sitePlan.get': STAFF,
  'sitePlan.upload': STAFF,
  'sitePlan.place': STAFF,
  'sitePlan.setOpacity': STAFF,
  'sitePlan.remove': STAFF,
  'evidence.queue': STAFF,
  'evidence.review': STAFF,
  'evidence.ofStairwell': STAFF,
  'evidence.recordOriginals': STAFF,
  'admin.adjustStairwell': STAFF,
  'estate.list': ANYONE,
  'estate.basemap': ANYONE,
  'estate.map': ANYONE,
  'stairwell.detail': ANYONE,
  'plan.defaults': ANYONE,
  'plan.compute': STAFF,
  'plan.list': ANYONE,
  'plan.get': ANYONE,
  'plan.save': STAFF,
  'plan.remove': STAFF,
  'plan.adopt': STAFF,
  'plan.programme': ANYONE,
  'parking.compute': ANYONE,
  'canvass.myStairwells': FIELD,
  'canvass.register': FIELD,
  'canvass.recordVisit': FIELD,
  'canvass.followUps': FIELD,
  'canvass.flatHistory': FIELD,
  'canvass.setFollowUp': FIELD,
  'canvass.answers': FIELD,
  'canvass.costs': FIELD,
  'canvass.setCosts': STAFF,
  'canvass.setAnswer': STAFF,
  'canvass.flaggedVisits': STAFF,
  'canvass.reviewVisit': STAFF,
  'live.onChange': ANYONE,
  'live.recent': ANYONE,
  'live.leaderboard': ANYONE,
  'history.progress': ANYONE,
  'history.replay': ANYONE,
  'present.deck': ANYONE,
  'stages.pipeline': STAFF,
  'stages.deadlines': ANYONE,
  'stages.publicStairwell': ANYONE,
  'stages.papers': STAFF,
  'stages.set': STAFF,
  'stages.setMany': STAFF,
  'stages.undo': STAFF,
  'stages.recordObjection': STAFF,
  'stages.resolveObjection': STAFF,
  'stages.recordLegal': STAFF,
  'stages.withdrawLegal': STAFF,
  'stages.setLiftService': STAFF,
  'money.ofStairwell': STAFF,
  'money.agree': STAFF,
  'money.record': STAFF,
  'money.subsidy': STAFF,
  'admin.backups': ADMIN,
  'admin.runBackup': ADMIN,
  'users.list': ADMIN,
  'users.add': ADMIN,
  'users.reset': ADMIN,
  'users.disable': ADMIN,
  'users.enable': ADMIN,
  'users.setRole': ADMIN,
};

const store = await seededDatabase();
afterAll(() => store.close());
const { db } = store;
const userOf = (who: Who): SessionUser | null => (who === 'anonymous' ? null : { id: 1, username: who, role: who, canvasserId: who === 'canvasser' ? 1 : null, canvasserName: null, maintainerLicence: who === 'maintainer' ? 'TS3131-TEST' : null });
const procedures = allProcedures().map((p) => [p.path, { _def: { type: p.type } }] as const);

/** Calls `path` as `who` with an empty input: a refusal for the role comes before any input is read. */
async function codeFor(path: string, who: Who): Promise<string> {
  const caller = createCallerFactory(appRouter)(createContextInner({ db, user: userOf(who) }));
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (input: unknown) => Promise<unknown>;
  try {
    const out = await fn({});
    // A subscription hands back its stream; nothing to read here.
    if (out && typeof out === 'object' && Symbol.asyncIterator in out) await (out as unknown as AsyncIterator<unknown>).return?.();
    return 'OK';
  } catch (e) {
    return e instanceof TRPCError ? e.code : `THROWN ${String(e)}`;
  }
}

describe('who may call what', () => {
  it('lists every procedure of appRouter', () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(procedures.map(([path, p]) => [path, p._def.type] as const))('%s (%s) answers only the roles the README gives it', async (path) => {
    const before = await fingerprint(store);
    for (const who of ANYONE) {
      const code = await codeFor(path, who);
      if (ALLOWED[path]!.includes(who)) expect([path, who, code]).not.toEqual([path, who, expect.stringMatching(/^(UNAUTHORIZED|FORBIDDEN)$/)]);
      else expect([path, who, code]).toEqual([path, who, who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN']);
      expect(code).not.toMatch(/^(INTERNAL_SERVER_ERROR|THROWN)/);
    }
    expect(await fingerprint(store)).toBe(before);
  });

  it('no mutation is open to anonymous callers except signing in and out', () => {
    const open = procedures.filter(([path, p]) => p._def.type === 'mutation' && ALLOWED[path]!.includes('anonymous')).map(([path]) => path);
    expect(open).toEqual(['auth.login', 'auth.logout']);
  });
});
