// The schedule: reminder policies, extensions, the reminder log, Task Force meetings, and the
// year wheel as JSON and iCalendar.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { CALENDAR_ROUTES } from '#functions/routes/calendar';
import { buildDeadlineDeps, getScheduleTableDeps } from '#functions/schedule-composition';
import { cancelMeeting, createMeeting, grantExtensionAndNotify, listExtensions, revokeExtensionAndNotify, setReminderPolicy, updateMeeting, type ExtensionNoticeDeps } from '#core/extensions';
import { remindNow, type RemindNowDeps } from '#core/remind-now';
import { requiredEnv } from '#store/clients';
import { listSeats, sendInvitation, setSeatContacts, type InviteDeps } from '#core/taskforce-service';
import { mailSenderFromEnv } from '#functions/mail/from-env';
import type { Meeting } from '#schemas/schedule';

// Only meeting changes send mail (the invitations), so the sender is built on the first one.
let inviteDeps: InviteDeps | undefined;
const getInviteDeps = (): InviteDeps =>
  (inviteDeps ??= {
    ...getScheduleTableDeps(),
    mail: mailSenderFromEnv(),
    organizer: { name: 'Sundhedsstyrelsen, sekretariatet for Task Force', email: (process.env['MAIL_FROM'] ?? 'no-reply@statusportalen.local').replace(/^.*<([^>]+)>.*$/, '$1') },
  });

// Reminders sent by hand read the submission heads and send mail: built on the first one.
let remindDeps: RemindNowDeps | undefined;
const getRemindDeps = (): RemindNowDeps => (remindDeps ??= buildDeadlineDeps(requiredEnv('TABLE_NAME'), { mail: mailSenderFromEnv() }));

// Extension changes tell the organisation's contacts: the sender is built on the first one.
let noticeDeps: ExtensionNoticeDeps | undefined;
const getNoticeDeps = (): ExtensionNoticeDeps => (noticeDeps ??= { ...getScheduleTableDeps(), mail: mailSenderFromEnv() });
const logNotice = (roundId: string, orgId: string, kind: string, notice: { error?: string } | undefined): void => {
  if (notice?.error) console.warn(JSON.stringify({ message: 'extension notice failed', roundId, orgId, kind, error: notice.error }));
};

const invite = async (meeting: Meeting, method: 'REQUEST' | 'CANCEL'): Promise<Meeting> => {
  const outcome = await sendInvitation(getInviteDeps(), meeting, method);
  if (outcome.error) console.warn(JSON.stringify({ message: 'meeting invitation failed', meetingId: meeting.meetingId, sequence: meeting.sequence, error: outcome.error }));
  return meeting;
};
import { meetingsInOrder, reminderLog, yearWheel, yearWheelIcs } from '#core/calendar-service';
import { createSubscription, feedIcs, listSubscriptions, revokeSubscription } from '#core/calendar-feeds';

export const handler = createAreaHandler(
  CALENDAR_ROUTES,
  {
    setReminderPolicy: async ({ identity, params, body }) => ({
      body: await setReminderPolicy(getScheduleTableDeps(), identity, params.roundId, body),
    }),
    listReminders: async ({ identity, params }) => ({ body: { items: await reminderLog(getScheduleTableDeps(), identity, params.roundId) } }),
    remindNow: async ({ identity, params, body }) => ({ body: await remindNow(getRemindDeps(), identity, params.roundId, body.orgIds) }),
    revokeExtension: async ({ identity, params, body }) => {
      const { revoked, notice } = await revokeExtensionAndNotify(getScheduleTableDeps(), getNoticeDeps(), identity, params.roundId, params.orgId, body);
      logNotice(params.roundId, params.orgId, 'revoked', notice);
      return { body: revoked };
    },
    listExtensions: async ({ identity, params }) => ({
      body: { items: await listExtensions(getScheduleTableDeps(), identity, params.roundId) },
    }),
    grantExtension: async ({ identity, params, body }) => {
      const { extension, notice } = await grantExtensionAndNotify(getScheduleTableDeps(), getNoticeDeps(), identity, params.roundId, params.orgId, body);
      logNotice(params.roundId, params.orgId, 'granted', notice);
      return { body: extension };
    },
    listMeetings: async () => ({ body: { items: await meetingsInOrder(getScheduleTableDeps()) } }),
    createMeeting: async ({ identity, body }) => {
      const meeting = await invite(await createMeeting(getScheduleTableDeps(), identity, body), 'REQUEST');
      return { status: 201, body: meeting, headers: { location: `/meetings/${meeting.meetingId}` } };
    },
    updateMeeting: async ({ identity, params, body }) => ({
      body: await invite(await updateMeeting(getScheduleTableDeps(), identity, params.meetingId, body), 'REQUEST'),
    }),
    cancelMeeting: async ({ identity, params }) => {
      const before = await getScheduleTableDeps().meetings.get(params.meetingId);
      const meeting = await cancelMeeting(getScheduleTableDeps(), identity, params.meetingId);
      // Cancelling twice sends one CANCEL: the second call changes nothing.
      return { body: before?.cancelled ? meeting : await invite(meeting, 'CANCEL') };
    },
    listSeats: async ({ identity, query }) => ({ body: { items: await listSeats(getScheduleTableDeps(), identity, query.at) } }),
    setSeatContacts: async ({ identity, params, body }) => ({
      body: await setSeatContacts(getScheduleTableDeps(), identity, params.seatId, body.emails),
    }),
    getCalendar: async ({ identity, query }) => ({ body: { items: await yearWheel(getScheduleTableDeps(), identity, query) } }),
    getCalendarIcs: async ({ identity, query }) => ({
      raw: { body: await yearWheelIcs(getScheduleTableDeps(), identity, query), contentType: 'text/calendar; charset=utf-8' },
      headers: { 'content-disposition': 'attachment; filename="statusportalen.ics"' },
    }),
    listCalendarSubscriptions: async ({ identity }) => ({ body: { items: await listSubscriptions(getScheduleTableDeps(), identity) } }),
    createCalendarSubscription: async ({ identity, body }) => {
      const made = await createSubscription(getScheduleTableDeps(), identity, body.label);
      return { status: 201, body: made, headers: { location: `/calendar/subscriptions/${made.subscription.subscriptionId}` } };
    },
    revokeCalendarSubscription: async ({ identity, params }) => ({ body: await revokeSubscription(getScheduleTableDeps(), identity, params.subscriptionId) }),
    // Public: the token in the path is the credential. no-store (the edge's default for raw
    // bodies), so a revoked feed lives on in no cache.
    getCalendarFeed: async ({ params }) => ({
      raw: { body: await feedIcs(getScheduleTableDeps(), params.token), contentType: 'text/calendar; charset=utf-8' },
      headers: { 'referrer-policy': 'no-referrer' },
    }),
  },
  { idempotency: idempotent },
);
