// Contact addresses for reporting: who gets an organisation's reminders. SST administrators
// manage every organisation's list, reporters their own; SST readers may read. The list of the
// organisation `sst` is where SST's own notices (overdue digest, new submissions) go.
import { Problem } from '#core/problems';
import { findOrganisation } from '#core/registry';
import { assertMayReadOrg } from '#core/policy';
import { actorOf, type Identity } from '#core/identity';
import type { ScheduleDeps } from '#core/schedule-ports';
import { DEFAULT_NOTIFICATION_SETTINGS } from '#core/deadline-service';
import type { Contacts, NotificationSettings } from '#schemas/schedule';

type Deps = Pick<ScheduleDeps, 'contacts' | 'clock' | 'newId'>;

function assertKnownOrg(orgId: string): void {
  if (!findOrganisation(orgId)) throw new Problem('not-found', `Organisationen "${orgId}" findes ikke.`);
}

export async function getContacts(deps: Deps, who: Identity, orgId: string): Promise<Contacts> {
  assertMayReadOrg(who, orgId);
  assertKnownOrg(orgId);
  return (await deps.contacts.get(orgId)) ?? { orgId, emails: [] };
}

/** The same address twice (in any letter case) is one address; the first spelling wins. */
export function normaliseEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of emails) {
    const email = raw.trim();
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(email);
  }
  return out;
}

export async function putContacts(deps: Deps, who: Identity, orgId: string, emails: readonly string[]): Promise<Contacts> {
  const own = who.role === 'reporter' && who.orgId === orgId;
  if (!own && who.role !== 'sst-admin') {
    throw new Problem('forbidden', 'Du kan kun rette din egen organisations kontaktadresser.');
  }
  assertKnownOrg(orgId);
  const before = await deps.contacts.get(orgId);
  const now = deps.clock.now().toISOString();
  const contacts: Contacts = { orgId, emails: normaliseEmails(emails), updatedAt: now, updatedBy: who.name };
  await deps.contacts.put(contacts, {
    at: now,
    id: deps.newId(),
    ...actorOf(who),
    action: 'contacts.update',
    subject: `org/${orgId}/contacts`,
    orgId,
    detail: { from: before?.emails ?? [], to: contacts.emails },
  });
  return contacts;
}

export async function getNotificationSettings(deps: Deps): Promise<NotificationSettings> {
  return (await deps.contacts.getSettings()) ?? DEFAULT_NOTIFICATION_SETTINGS;
}

export async function putNotificationSettings(
  deps: Deps,
  who: Identity,
  request: Pick<NotificationSettings, 'submissionNotices' | 'overdueDigest'>,
): Promise<NotificationSettings> {
  const before = await getNotificationSettings(deps);
  const now = deps.clock.now().toISOString();
  const settings: NotificationSettings = { ...request, updatedAt: now, updatedBy: who.name };
  await deps.contacts.putSettings(settings, {
    at: now,
    id: deps.newId(),
    ...actorOf(who),
    action: 'notifications.update',
    subject: 'org/sst/notifications',
    orgId: 'sst',
    detail: { from: { submissionNotices: before.submissionNotices, overdueDigest: before.overdueDigest }, to: request },
  });
  return settings;
}
