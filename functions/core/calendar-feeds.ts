// Personal calendar subscriptions. A calendar app (Outlook, Google Calendar, Apple Calendar)
// polls a URL and cannot send a bearer token, so the URL carries a secret: 256 random bits,
// shown once, stored only as its SHA-256, revocable. The feed shows what its owner sees: a
// reporter's feed has its own organisation's rounds and deadlines, never another's.
import { createHash, randomBytes } from 'node:crypto';
import { Problem } from '#core/problems';
import { WriteConflict } from '#core/ports';
import { actorOf, type Identity } from '#core/identity';
import { isValidOn, SST_ORG_ID } from '#core/registry';
import { danishDate } from '#core/danish-time';
import { yearWheelIcs } from '#core/calendar-service';
import type { CalendarFeed, ScheduleDeps } from '#core/schedule-ports';
import type { CalendarSubscription } from '#schemas/schedule';

type FeedDeps = Pick<ScheduleDeps, 'feeds' | 'clock' | 'newId'>;
type IcsDeps = Pick<ScheduleDeps, 'feeds' | 'clock' | 'rounds' | 'meetings' | 'extensions' | 'webBaseUrl'>;

/** At most this many live subscriptions per person: enough for a few devices, not a token farm. */
export const MAX_LIVE_SUBSCRIPTIONS = 10;

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
export const feedPath = (token: string): string => `/calendar/feed/${token}`;

const view = (f: CalendarFeed): CalendarSubscription => ({
  subscriptionId: f.subscriptionId,
  label: f.label,
  createdAt: f.createdAt,
  ...(f.revokedAt ? { revokedAt: f.revokedAt } : {}),
  ...(f.revokedBy ? { revokedBy: f.revokedBy } : {}),
});

function ownerOf(who: Identity): CalendarFeed['owner'] {
  if (who.role === 'machine') throw new Problem('forbidden', 'En maskinklient kan ikke abonnere på kalenderen.');
  return { subject: who.subject, name: who.name, role: who.role, orgId: who.orgId };
}

export async function listSubscriptions(deps: FeedDeps, who: Identity): Promise<CalendarSubscription[]> {
  return (await deps.feeds.list(who.subject)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(view);
}

export async function createSubscription(deps: FeedDeps, who: Identity, label: string | undefined): Promise<{ subscription: CalendarSubscription; token: string; path: string }> {
  const owner = ownerOf(who);
  const live = (await deps.feeds.list(who.subject)).filter((f) => !f.revokedAt);
  if (live.length >= MAX_LIVE_SUBSCRIPTIONS) {
    throw new Problem('already-exists', `Du har allerede ${MAX_LIVE_SUBSCRIPTIONS} aktive kalenderabonnementer. Tilbagekald et, du ikke bruger, og prøv igen.`);
  }
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now().toISOString();
  const feed: CalendarFeed = {
    subscriptionId: deps.newId(),
    tokenHash: hashToken(token),
    label: label ?? 'Kalenderabonnement',
    owner,
    createdAt: now,
  };
  await deps.feeds.create(feed, {
    at: now,
    id: deps.newId(),
    ...actorOf(who),
    action: 'calendar.subscribe',
    subject: `user/${who.subject}/calendar`,
    orgId: who.orgId,
    detail: { subscriptionId: feed.subscriptionId, label: feed.label },
  });
  return { subscription: view(feed), token, path: feedPath(token) };
}

export async function revokeSubscription(deps: FeedDeps, who: Identity, subscriptionId: string): Promise<CalendarSubscription> {
  // Only the owner's own list is read: another person's id is simply not found.
  const feed = await deps.feeds.get(who.subject, subscriptionId);
  if (!feed) throw new Problem('not-found', 'Kalenderabonnementet findes ikke.');
  if (feed.revokedAt) return view(feed);
  const now = deps.clock.now().toISOString();
  try {
    await deps.feeds.revoke(feed, now, who.name, {
      at: now,
      id: deps.newId(),
      ...actorOf(who),
      action: 'calendar.revoke',
      subject: `user/${who.subject}/calendar`,
      orgId: who.orgId,
      detail: { subscriptionId, label: feed.label },
    });
  } catch (err) {
    // Revoked meanwhile (a double click): the outcome is the same.
    if (!(err instanceof WriteConflict)) throw err;
    return view((await deps.feeds.get(who.subject, subscriptionId)) ?? feed);
  }
  return view({ ...feed, revokedAt: now, revokedBy: who.name });
}

/**
 * The feed for a token, as its owner would see the year wheel today. Unknown tokens are 404;
 * revoked ones, and those whose organisation no longer exists (Region Hovedstaden from 2027), 410.
 */
export async function feedIcs(deps: IcsDeps, token: string): Promise<string> {
  const feed = await deps.feeds.byTokenHash(hashToken(token));
  if (!feed) throw new Problem('not-found', 'Kalenderen findes ikke. Kontrollér adressen, eller opret et nyt abonnement i Statusportalen.');
  if (feed.revokedAt) throw new Problem('gone', 'Kalenderabonnementet er tilbagekaldt. Opret et nyt abonnement i Statusportalen.');
  const { owner } = feed;
  if (owner.role === 'reporter' && (owner.orgId === SST_ORG_ID || !isValidOn(owner.orgId, danishDate(deps.clock.now())))) {
    throw new Problem('gone', 'Organisationen findes ikke længere i registret. Opret et nyt abonnement i Statusportalen.');
  }
  const who: Identity = { subject: owner.subject, name: owner.name, role: owner.role, orgId: owner.orgId, scopes: [] };
  return yearWheelIcs(deps, who, {});
}
