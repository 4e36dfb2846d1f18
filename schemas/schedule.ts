// API bodies and entities of the schedule: contacts, extensions, reminder policies,
// notification settings, Task Force meetings and the year-wheel calendar.
import * as z from 'zod';
import { DanishInstant, DateString, IsoTime, OrgId, ReminderPolicyRequest as PolicyRequest, RoundId, Slug } from '#schemas/api';

export const MAX_CONTACTS = 20;

export const ContactsRequest = z
  .strictObject({
    emails: z
      .array(z.email({ error: 'en gyldig e-mailadresse' }).max(254))
      .min(1, 'mindst én e-mailadresse')
      .max(MAX_CONTACTS, `højst ${MAX_CONTACTS} e-mailadresser`),
  })
  .meta({ id: 'ContactsRequest' });

export const Contacts = z
  .object({
    orgId: OrgId,
    emails: z.array(z.string()),
    updatedAt: IsoTime.optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'Contacts' });

export const SubmissionNoticeMode = z.enum(['immediate', 'daily', 'off']);

export const NotificationSettings = z
  .object({
    submissionNotices: SubmissionNoticeMode.meta({
      description: 'immediate: one e-mail per submission (within minutes); daily: one digest each morning; off: none',
    }),
    overdueDigest: z.boolean().meta({ description: 'A daily e-mail listing organisations past their deadline' }),
    updatedAt: IsoTime.optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'NotificationSettings' });

export const NotificationSettingsRequest = z
  .strictObject({ submissionNotices: SubmissionNoticeMode, overdueDigest: z.boolean() })
  .meta({ id: 'NotificationSettingsRequest' });

export const ReminderPolicyRequest = PolicyRequest;

export const RemindNowRequest = z
  .strictObject({
    orgIds: z.array(OrgId).min(1).max(200).meta({ description: 'The organisations to remind now; those that have submitted are skipped' }),
  })
  .meta({ id: 'RemindNowRequest' });

const NamedOrg = z.object({ orgId: OrgId, orgName: z.string().meta({ description: 'Official name' }) });

export const RemindNowResult = z
  .object({
    roundId: RoundId,
    date: z.string().meta({ description: 'The Danish date the reminders count for: one per organisation per day' }),
    sent: z.array(NamedOrg.extend({ to: z.array(z.string()) })).meta({ description: 'Reminded now, with the addresses written to' }),
    alreadySent: z.array(NamedOrg).meta({ description: 'Already reminded by hand today (a second click sends nothing)' }),
    submitted: z.array(NamedOrg).meta({ description: 'Have submitted: no reminder' }),
    noContacts: z.array(NamedOrg).meta({ description: 'No contact address: nobody to write to' }),
    failed: z.array(NamedOrg.extend({ error: z.string() })).meta({ description: 'The mail could not be handed over; retried at the next request' }),
  })
  .meta({ id: 'RemindNowResult' });

export const RevokeExtensionRequest = z
  .strictObject({ reason: z.string().trim().min(1).max(2000) })
  .meta({ id: 'RevokeExtensionRequest' });

export const ExtensionRequest = z
  .strictObject({
    deadline: DanishInstant,
    reason: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'ExtensionRequest' });

export const Extension = z
  .object({
    roundId: RoundId,
    orgId: OrgId,
    deadline: z.string(),
    deadlineAt: IsoTime,
    reason: z.string(),
    grantedAt: IsoTime,
    grantedBy: z.string(),
  })
  .meta({ id: 'Extension' });

export const MeetingId = Slug.meta({ description: 'Meeting id, e.g. `taskforce-2026-1`' });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const MeetingRequest = z
  .strictObject({
    meetingId: MeetingId.optional(),
    date: DateString,
    startTime: Time.optional().meta({ description: 'Danish local time; absent: an all-day entry' }),
    endTime: Time.optional(),
    title: z.string().trim().min(1).max(300),
    location: z.string().trim().max(300).optional(),
    agenda: z.array(z.string().trim().min(1).max(1000)).max(50).default([]),
    roundIds: z
      .array(RoundId)
      .max(20)
      .optional()
      .meta({ description: "The year wheel's fixed agenda: rounds whose consolidated status is discussed at this meeting" }),
  })
  .refine((m) => !m.endTime || (m.startTime !== undefined && m.endTime > m.startTime), {
    message: 'endTime needs a startTime before it',
    path: ['endTime'],
  })
  .meta({ id: 'MeetingRequest' });

export const Meeting = z
  .object({
    meetingId: MeetingId,
    date: z.string(),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    title: z.string(),
    location: z.string().optional(),
    agenda: z.array(z.string()),
    roundIds: z.array(RoundId).optional(),
    cancelled: z.boolean().optional().meta({ description: 'Cancelled (the members got METHOD:CANCEL); kept so the UID is never reused' }),
    sequence: z.number().int().meta({ description: 'Raised on every change (the ICS SEQUENCE)' }),
    updatedAt: IsoTime,
    updatedBy: z.string(),
  })
  .meta({ id: 'Meeting' });

export const CalendarEntry = z
  .object({
    uid: z.string().meta({ description: 'Stable id; the same in the ICS feed, so updates replace events' }),
    kind: z.enum(['meeting', 'deadline', 'opening', 'close']),
    title: z.string(),
    date: z.string().meta({ description: 'Danish calendar date (YYYY-MM-DD)' }),
    start: IsoTime.optional().meta({ description: 'Absent for all-day entries' }),
    end: IsoTime.optional(),
    roundId: RoundId.optional(),
    formId: z.string().optional(),
    meetingId: MeetingId.optional(),
    agenda: z.array(z.string()).optional(),
    location: z.string().optional(),
    extended: z.boolean().optional().meta({ description: "The caller's organisation has an extended deadline" }),
    reason: z.string().optional(),
    links: z
      .array(
        z.object({
          roundId: RoundId,
          title: z.string(),
          href: z.string().meta({ description: "The web app's page for the round" }),
          summary: z.string().optional().meta({ description: "SST only: the API path of the round's consolidated summary (HTML)" }),
        }),
      )
      .optional()
      .meta({ description: 'Meetings: the rounds on the fixed agenda' }),
  })
  .meta({ id: 'CalendarEntry' });

export const SeatId = Slug.meta({ description: 'Task Force seat id, e.g. `dr-og-regionerne-1`' });

export const SeatContactsRequest = z
  .strictObject({ emails: z.array(z.email({ error: 'en gyldig e-mailadresse' }).max(254)).max(MAX_CONTACTS, `højst ${MAX_CONTACTS} e-mailadresser`) })
  .meta({ id: 'SeatContactsRequest' });

export const Seat = z
  .object({
    seatId: z.string(),
    groupId: z.string(),
    label: z.string().meta({ description: 'As the terms of reference name the group, e.g. `DR og regionerne`' }),
    number: z.number().int(),
    orgIds: z.array(z.string()),
    partly: z.boolean().meta({ description: 'Takes part in the relevant parts of the meetings only' }),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    source: z.string(),
    emails: z.array(z.string()),
    updatedAt: IsoTime.optional(),
    updatedBy: z.string().optional(),
  })
  .meta({ id: 'TaskForceSeat' });

export const SeatQuery = z.strictObject({
  at: DateString.optional().meta({ description: 'Date the seats are read at; default today in Danish time' }),
});

export const CalendarQuery = z.strictObject({
  from: DateString.optional().meta({ description: 'Default: 1 January of last year' }),
  to: DateString.optional().meta({ description: 'Default: 31 December of 2030' }),
});

export const OutboxItem = z.object({
  file: z.string(),
  date: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  key: z.string().optional(),
  text: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })).optional(),
});

export const JobRun = z.object({ job: z.string(), now: IsoTime, result: z.unknown() });

export type ContactsRequest = z.infer<typeof ContactsRequest>;
export type Contacts = z.infer<typeof Contacts>;
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export type SubmissionNoticeMode = z.infer<typeof SubmissionNoticeMode>;
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;
export type Extension = z.infer<typeof Extension>;
export type MeetingRequest = z.infer<typeof MeetingRequest>;
export type Meeting = z.infer<typeof Meeting>;
export type CalendarEntry = z.infer<typeof CalendarEntry>;
export type SeatContactsRequest = z.infer<typeof SeatContactsRequest>;
export type Seat = z.infer<typeof Seat>;
export type OutboxItem = z.infer<typeof OutboxItem>;

export const ReminderLogEntry = z
  .object({
    orgId: OrgId,
    step: z.string().meta({ description: '`<kind>[-<days>]@<Danish date>`, e.g. `before-3@2026-03-28`' }),
    state: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    claimedAt: IsoTime,
    sentAt: IsoTime.optional(),
    recipients: z.array(z.string()).optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'ReminderLogEntry' });

// Personal calendar subscriptions: a calendar app polls a URL with a secret token in its path
// (it cannot send a bearer token); the token is shown once and stored only as its SHA-256.
export const SubscriptionId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'et abonnements-id').meta({ description: 'Subscription id (a ULID)' });
export const FeedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'et kalendertoken')
  .meta({ description: '256 random bits, base64url; the subscription URL is its only copy' });

export const CalendarSubscriptionRequest = z
  .strictObject({ label: z.string().trim().min(1).max(100).optional().meta({ description: 'A name to tell subscriptions apart, e.g. `Outlook på arbejdet`' }) })
  .meta({ id: 'CalendarSubscriptionRequest' });

export const CalendarSubscription = z
  .object({
    subscriptionId: SubscriptionId,
    label: z.string(),
    createdAt: IsoTime,
    revokedAt: IsoTime.optional(),
    revokedBy: z.string().optional(),
  })
  .meta({ id: 'CalendarSubscription' });

export const CalendarSubscriptionCreated = z
  .object({
    subscription: CalendarSubscription,
    token: FeedToken,
    path: z.string().meta({ description: 'The feed, relative to the API: `/calendar/feed/<token>`; shown only in this answer' }),
  })
  .meta({ id: 'CalendarSubscriptionCreated' });

export type CalendarSubscription = z.infer<typeof CalendarSubscription>;

export const JobParams = { name: z.string().regex(/^[a-z0-9-]{1,64}$/) };
export const JobQuery = z.strictObject({ now: IsoTime.optional() });
export type ReminderLogEntry = z.infer<typeof ReminderLogEntry>;
export type RemindNowRequest = z.infer<typeof RemindNowRequest>;
export type RemindNowResult = z.infer<typeof RemindNowResult>;
export type RevokeExtensionRequest = z.infer<typeof RevokeExtensionRequest>;
