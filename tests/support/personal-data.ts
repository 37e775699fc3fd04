import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FENGHE_DIR } from './test-server.ts';

/** The seeded register's names and phone numbers: strings no public response may contain. */
export function personalStrings(): { names: string[]; phones: string[] } {
  const register = readFileSync(join(FENGHE_DIR, 'register.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  return {
    names: register.map((l) => l.split(',')[5]!).filter((n) => n.length >= 2),
    phones: register.map((l) => l.split(',')[6]!).filter(Boolean),
  };
}

/** Fails naming the first personal string or field found in `wire`. */
export function expectNoPersonalData(wire: string): void {
  const { names, phones } = personalStrings();
  for (const phone of phones) expect(wire.includes(phone), phone).toBe(false);
  for (const name of names) expect(wire.includes(name), name).toBe(false);
  expect(wire).not.toMatch(/voterName|phone|aged80plus|aged60to79|"note"/);
}
