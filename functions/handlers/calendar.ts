// The schedule: reminder policies, extensions, the reminder log, Task Force meetings, and the
// year wheel as JSON and iCalendar.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { CALENDAR_ROUTES } from '#functions/routes/calendar';
import { getScheduleTableDeps } from '#functions/schedule-composition';
import { createMeeting, grantExtension, listExtensions, setReminderPolicy, updateMeeting } from '#core/extensions';
import { meetingsInOrder, reminderLog, yearWheel, yearWheelIcs } from '#core/calendar-service';

export const handler = createAreaHandler(
  CALENDAR_ROUTES,
  {
    setReminderPolicy: async ({ identity, params, body }) => ({
      body: await setReminderPolicy(getScheduleTableDeps(), identity, params.roundId, body),
    }),
    listReminders: async ({ identity, params }) => ({ body: { items: await reminderLog(getScheduleTableDeps(), identity, params.roundId) } }),
    listExtensions: async ({ identity, params }) => ({
      body: { items: await listExtensions(getScheduleTableDeps(), identity, params.roundId) },
    }),
    grantExtension: async ({ identity, params, body }) => ({
      body: await grantExtension(getScheduleTableDeps(), identity, params.roundId, params.orgId, body),
    }),
    listMeetings: async () => ({ body: { items: await meetingsInOrder(getScheduleTableDeps()) } }),
    createMeeting: async ({ identity, body }) => {
      const meeting = await createMeeting(getScheduleTableDeps(), identity, body);
      return { status: 201, body: meeting, headers: { location: `/meetings/${meeting.meetingId}` } };
    },
    updateMeeting: async ({ identity, params, body }) => ({
      body: await updateMeeting(getScheduleTableDeps(), identity, params.meetingId, body),
    }),
    getCalendar: async ({ identity, query }) => ({ body: { items: await yearWheel(getScheduleTableDeps(), identity, query) } }),
    getCalendarIcs: async ({ identity, query }) => ({
      raw: { body: await yearWheelIcs(getScheduleTableDeps(), identity, query), contentType: 'text/calendar; charset=utf-8' },
      headers: { 'content-disposition': 'attachment; filename="statusportalen.ics"' },
    }),
  },
  { idempotency: idempotent },
);
