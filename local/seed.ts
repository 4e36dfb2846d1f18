// Seeds the local stack: the shipped forms (every version in forms/) and the example rounds.
// Idempotent: what already exists is left alone, so a restart keeps everyone's data.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoreDeps, FormManifest } from '#core/ports';
import { publishFormVersion } from '#core/forms-service';
import { createRound } from '#core/rounds-service';
import { sstIdentity } from '#core/identity';
import { Problem } from '#core/problems';
import type { CreateRoundRequest, JsonObject } from '#schemas/api';
import type { MeetingRequest } from '#schemas/schedule';
import type { ScheduleDeps } from '#core/schedule-ports';
import { createMeeting } from '#core/extensions';
import { putContacts } from '#core/contacts';

export const FORMS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'forms');
const seeder = sstIdentity('local-seed', 'sst-admin', 'Lokal opsætning');

export interface ShippedForm {
  manifest: FormManifest;
  versions: { version: number; schema: JsonObject }[];
}

export function shippedForms(dir = FORMS_DIR): ShippedForm[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const folder = path.join(dir, d.name);
      const manifest = JSON.parse(readFileSync(path.join(folder, 'form.json'), 'utf8')) as FormManifest;
      const versions = readdirSync(folder)
        .map((f) => /^v(\d+)\.schema\.json$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ version: Number(m[1]), schema: JSON.parse(readFileSync(path.join(folder, m[0]), 'utf8')) as JsonObject }))
        .sort((a, b) => a.version - b.version);
      return { manifest, versions };
    });
}

export function exampleAnswers(formId: string, version = 1, dir = FORMS_DIR): JsonObject {
  return JSON.parse(readFileSync(path.join(dir, formId, `example.v${version}.json`), 'utf8')) as JsonObject;
}

export async function seedForms(deps: CoreDeps): Promise<string[]> {
  const published: string[] = [];
  for (const { manifest, versions } of shippedForms()) {
    for (const { version, schema } of versions) {
      const existing = await deps.forms.getForm(manifest.formId);
      if (existing && existing.latestVersion >= version) continue;
      await publishFormVersion(deps, seeder, manifest.formId, { ...manifest, schema });
      published.push(`${manifest.formId} v${version}`);
    }
  }
  return published;
}

/**
 * The rounds of the year wheel as they stand in 2026, plus the first round after the 2027 merger.
 * The terms of reference have Danske Regioner give the yearly written status on Kræftplan V, so
 * the regional rounds are coordinated by it, with the regions on the round's date as contributors
 * (5 in 2026, 4 from 2027). The sources do not say that municipal follow-up goes through KL: the
 * municipal round stays direct (`mode: 'coordinated', coordinator: 'kl'` would change that).
 */
export const DANSKE_REGIONER = 'danske-regioner';
export const EXAMPLE_ROUNDS: CreateRoundRequest[] = [
  { formId: 'kraeftplan-v-regional', period: '2026', opensAt: '2026-01-05', deadline: '2026-03-31', mode: 'coordinated', coordinator: DANSKE_REGIONER },
  { formId: 'kraeftplan-v-kommunal', period: '2026', opensAt: '2026-09-01', deadline: '2026-12-15' },
  { formId: 'psykiatriplan-status', period: '2026', opensAt: '2026-10-01', deadline: '2026-12-18' },
  { formId: 'kraeftplan-v-regional', period: '2027', opensAt: '2027-01-04', deadline: '2027-03-31', mode: 'coordinated', coordinator: DANSKE_REGIONER },
];

export async function seedRounds(deps: CoreDeps, rounds = EXAMPLE_ROUNDS): Promise<string[]> {
  const created: string[] = [];
  for (const request of rounds) {
    try {
      created.push((await createRound(deps, seeder, request)).roundId);
    } catch (err) {
      if (!(err instanceof Problem && err.code === 'already-exists')) throw err;
    }
  }
  return created;
}

/** Example Task Force meetings for the year wheel (invented dates and agendas, for trying it out). */
export const EXAMPLE_MEETINGS: MeetingRequest[] = [
  {
    meetingId: 'taskforce-2026-3',
    date: '2026-09-15',
    startTime: '10:00',
    endTime: '13:00',
    title: 'Task Force-møde (eksempel)',
    location: 'Sundhedsstyrelsen, Islands Brygge 67, København S',
    agenda: ['Status på Kræftplan V – regionale indberetninger', 'Forberedelse af den kommunale opfølgning'],
    roundIds: ['kraeftplan-v-regional-2026'],
  },
  {
    meetingId: 'taskforce-2026-4',
    date: '2026-12-08',
    startTime: '10:00',
    endTime: '13:00',
    title: 'Task Force-møde (eksempel)',
    agenda: ['Psykiatriplanens statusrapport', 'Årshjul 2027: frister og møder'],
  },
  {
    meetingId: 'taskforce-2027-1',
    date: '2027-03-09',
    startTime: '10:00',
    endTime: '13:00',
    title: 'Task Force-møde (eksempel)',
    agenda: ['Regionsfusionen 1. januar 2027: erfaringer med indberetningen', 'Kræftplan V: status før fristen 31. marts'],
  },
  {
    meetingId: 'taskforce-2027-2',
    date: '2027-06-08',
    title: 'Task Force-møde (eksempel, heldagsmøde)',
    agenda: ['Konsolideret status for Kræftplan V 2027', 'Evaluering af indberetningsformen'],
    // The year wheel's fixed content: the round whose consolidated status the meeting discusses.
    roundIds: ['kraeftplan-v-regional-2027'],
  },
];

export async function seedMeetings(deps: Pick<ScheduleDeps, 'meetings' | 'rounds' | 'extensions' | 'policies' | 'clock' | 'newId'>, meetings = EXAMPLE_MEETINGS): Promise<string[]> {
  const created: string[] = [];
  for (const request of meetings) {
    try {
      created.push((await createMeeting(deps, seeder, request)).meetingId);
    } catch (err) {
      if (!(err instanceof Problem && err.code === 'already-exists')) throw err;
    }
  }
  return created;
}

/**
 * Example reminder addresses for a few organisations, so the local deadline check has someone to
 * write to (the mail lands in .local/outbox). The `.example` domain is reserved (RFC 2606): these
 * addresses are examples and reach no one. An organisation that already has contacts keeps them.
 */
export const EXAMPLE_CONTACTS: Record<string, string[]> = {
  'kommune-101': ['sundhed@koebenhavn.example'],
  'kommune-751': ['kraeftplan@aarhus.example'],
  'region-1084': ['kraeftplan@regionh.example'],
  sst: ['taskforce@sst.example'],
};

export async function seedContacts(deps: Pick<ScheduleDeps, 'contacts' | 'clock' | 'newId'>, contacts = EXAMPLE_CONTACTS): Promise<string[]> {
  const seeded: string[] = [];
  for (const [orgId, emails] of Object.entries(contacts)) {
    if (await deps.contacts.get(orgId)) continue;
    await putContacts(deps, seeder, orgId, emails);
    seeded.push(orgId);
  }
  return seeded;
}
