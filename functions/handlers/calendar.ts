// The schedule: reminder policies, extensions, the reminder log, Task Force meetings, and the
// year wheel as JSON and iCalendar.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { CALENDAR_ROUTES } from '#functions/routes/calendar';
import { getScheduleTableDeps } from '#functions/schedule-composition';
import { createMeeting, grantExtension, listExtensions, setReminderPolicy, updateMeeting } from '#core/extensions';
import { meetingsInOrder, reminderLog, yearWheel, yearWheelIcs, type CalendarWindow } from '#core/calendar-service';
import type { ReminderPolicy } from '#schemas/api';
import type { ExtensionRequest, MeetingRequest } from '#schemas/schedule';

export const handler = createAreaHandler(
  CALENDAR_ROUTES,
  {
    setReminderPolicy: async ({ identity, params, body }) => ({
      body: await setReminderPolicy(getScheduleTableDeps(), identity!, params['roundId'] as string, body as ReminderPolicy),
    }),
    listReminders: async ({ identity, params }) => ({ body: { items: await reminderLog(getScheduleTableDeps(), identity!, params['roundId'] as string) } }),
    listExtensions: async ({ identity, params }) => ({
      body: { items: await listExtensions(getScheduleTableDeps(), identity!, params['roundId'] as string) },
    }),
    grantExtension: async ({ identity, params, body }) => ({
      body: await grantExtension(getScheduleTableDeps(), identity!, params['roundId'] as string, params['orgId'] as string, body as ExtensionRequest),
    }),
    listMeetings: async () => ({ body: { items: await meetingsInOrder(getScheduleTableDeps()) } }),
    createMeeting: async ({ identity, body }) => {
      const meeting = await createMeeting(getScheduleTableDeps(), identity!, body as MeetingRequest);
      return { status: 201, body: meeting, headers: { location: `/meetings/${meeting.meetingId}` } };
    },
    updateMeeting: async ({ identity, params, body }) => ({
      body: await updateMeeting(getScheduleTableDeps(), identity!, params['meetingId'] as string, body as MeetingRequest),
    }),
    getCalendar: async ({ identity, query }) => ({ body: { items: await yearWheel(getScheduleTableDeps(), identity!, query as CalendarWindow) } }),
    getCalendarIcs: async ({ identity, query }) => ({
      raw: { body: await yearWheelIcs(getScheduleTableDeps(), identity!, query as CalendarWindow), contentType: 'text/calendar; charset=utf-8' },
      headers: { 'content-disposition': 'attachment; filename="statusportalen.ics"' },
    }),
  },
  { idempotency: idempotent },
);
