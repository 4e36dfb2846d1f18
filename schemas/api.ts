// Every API body and entity, as zod schemas: the truth at the edge. Request bodies are
// strict (unknown fields are refused, never stored); the OpenAPI document is generated from these.
import * as z from 'zod';
import { isDanishInstant, isDate } from '#core/danish-time';
import { REMINDER_POLICY_DEFAULTS } from '#schemas/reminder-defaults';

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and hyphens, at most 63 characters');
export const OrgId = Slug.meta({ description: 'Organisation id, e.g. `region-1081`, `kommune-101`, `sst`' });
export const FormId = Slug.meta({ description: 'Form id, e.g. `kraeftplan-v-kommunal`' });
export const RoundId = Slug.meta({ description: 'Round id, e.g. `kraeftplan-v-kommunal-2026`' });

export const DateString = z.string().refine(isDate, 'a date as YYYY-MM-DD').meta({ format: 'date' });
export const DanishInstant = z
  .string()
  .refine(isDanishInstant, 'a date (YYYY-MM-DD, meaning the end of that day in Danish time) or an ISO date-time')
  .meta({ description: 'A bare date means the end of that day in Europe/Copenhagen; a date-time without offset is Danish wall-clock time.' });
export const IsoTime = z.string().meta({ format: 'date-time' });

export const OrgKind = z.enum(['region', 'municipality', 'authority', 'ministry']);
export const RespondentKind = z.enum(['region', 'municipality']);
export const Plan = z.enum(['kraeftplan-v', 'psykiatriplan']);
export const Role = z.enum(['reporter', 'sst-reader', 'sst-admin', 'author']).meta({
  description: "`author`: a user of an organisation SST invites to write a publication (e.g. Social- og Boligstyrelsen); it has those publications and nothing else",
});

export const Organisation = z
  .object({
    id: OrgId,
    kind: OrgKind,
    name: z.string().meta({ description: 'Short name for lists and tables, e.g. `København`' }),
    officialName: z.string().meta({ description: 'Official name for letters and sentences, e.g. `Københavns Kommune`, `Bornholms Regionskommune`' }),
    code: z.string().nullable(),
    regionId: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
  })
  .meta({ id: 'Organisation' });

export const OrgQuery = z.strictObject({
  kind: OrgKind.optional(),
  at: DateString.optional().meta({ description: 'Date the registry is read at; default today in Danish time' }),
});

export const JsonObject = z.record(z.string(), z.unknown());

export const FormSummary = z
  .object({
    formId: FormId,
    title: z.string(),
    description: z.string(),
    respondentKind: RespondentKind,
    plan: Plan,
    latestVersion: z.number().int(),
    updatedAt: IsoTime,
  })
  .meta({ id: 'FormSummary' });

export const FieldChange = z.object({
  pointer: z.string(),
  change: z.enum(['added', 'removed', 'type-changed']),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const FormVersion = z
  .object({
    formId: FormId,
    version: z.number().int().min(1),
    publishedAt: IsoTime,
    publishedBy: z.string(),
    schema: JsonObject,
    changes: z.array(FieldChange).optional(),
  })
  .meta({ id: 'FormVersion' });

export const FormDetail = FormSummary.extend({ versions: z.array(z.number().int()), schema: JsonObject }).meta({
  id: 'FormDetail',
});

export const PublishFormVersionRequest = z
  .strictObject({
    schema: JsonObject.meta({ description: 'A JSON Schema (draft 2020-12) document' }),
    title: z.string().min(1).max(300).optional(),
    description: z.string().max(5000).optional(),
    respondentKind: RespondentKind.optional(),
    plan: Plan.optional(),
  })
  .meta({ id: 'PublishFormVersionRequest' });

export const FormVersionQuery = z.strictObject({
  format: z.enum(['json', 'xlsx']).default('json').meta({ description: '`xlsx`: the version as a form workbook (sheets survey, choices, settings; forms/README.md)' }),
});

const policyFields = {
  atOpening: z.boolean().meta({ description: 'Remind when the round opens' }),
  daysBefore: z.array(z.number().int().min(1).max(365)).max(10).meta({ description: 'Danish calendar days before the deadline' }),
  daysAfter: z.array(z.number().int().min(1).max(365)).max(10).meta({ description: 'Danish calendar days after the deadline' }),
  repeatEveryDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .nullable()
    .meta({ description: 'After the last daysAfter step, repeat every N days until the round closes; null: no repetition' }),
  repeatLimit: z.number().int().min(0).max(52).meta({ description: 'How many repetitions when the round has no close-at (default 8)' }),
  hour: z.number().int().min(0).max(23).meta({ description: 'Local hour (Europe/Copenhagen) at which reminders become due' }),
};

export const ReminderPolicy = z.strictObject(policyFields).meta({ id: 'ReminderPolicy' });

// The documented defaults (`DEFAULT_REMINDER_POLICY` in #core/reminders is typed as a ReminderPolicy).
export { REMINDER_POLICY_DEFAULTS };

/** A reminder policy as a request may give it: any field left out takes its documented default. */
export const ReminderPolicyRequest = z
  .strictObject(
    Object.fromEntries(
      Object.entries(policyFields).map(([k, v]) => {
        const fallback = REMINDER_POLICY_DEFAULTS[k as keyof typeof REMINDER_POLICY_DEFAULTS];
        return [k, v.optional().meta({ description: `${v.description ?? ''}. Default when left out: ${JSON.stringify(fallback)}`, default: fallback })];
      }),
    ) as { [K in keyof typeof policyFields]: z.ZodOptional<(typeof policyFields)[K]> },
  )
  .meta({
    id: 'ReminderPolicyRequest',
    description:
      'Every field may be left out and then takes its default: atOpening true, daysBefore [14, 3], daysAfter [1], repeatEveryDays 7, repeatLimit 8, hour 8.',
  });

export const RoundPhase = z.enum(['scheduled', 'open', 'closed']);
export const RoundMode = z.enum(['direct', 'coordinated']).meta({
  description: '`direct`: every respondent reports to SST; `coordinated`: the contributors report to the coordinator, who reports to SST',
});

export const Round = z
  .object({
    roundId: RoundId,
    formId: FormId,
    formVersion: z.number().int(),
    formVersionLockedAt: IsoTime.optional().meta({
      description: 'When the first report was submitted: from then on the round keeps its form version',
    }),
    title: z.string(),
    period: z.string(),
    respondentKind: RespondentKind,
    respondentsAt: z.string(),
    opensAt: IsoTime,
    deadline: z.string().meta({ description: 'The deadline as agreed (date or date-time)' }),
    deadlineAt: IsoTime.meta({ description: 'The last on-time instant' }),
    closeAt: IsoTime.optional(),
    reminderPolicy: ReminderPolicy.optional().meta({ description: 'Absent: the default policy' }),
    respondents: z.array(OrgId),
    mode: RoundMode,
    coordinator: OrgId.optional().meta({ description: 'Coordinated rounds: the organisation that gathers the contributions and reports to SST' }),
    contributors: z.array(OrgId).optional().meta({ description: 'Coordinated rounds: the organisations whose contributions go to the coordinator (the respondents)' }),
    createdAt: IsoTime,
    createdBy: z.string(),
    updatedAt: IsoTime.optional().meta({ description: 'Last changed before it opened (PUT /rounds/{roundId})' }),
    updatedBy: z.string().optional(),
    phase: RoundPhase,
  })
  .meta({ id: 'Round' });

export const FormVersionPreview = z
  .object({
    formId: FormId,
    version: z.number().int().min(1).meta({ description: 'The number the version gets if it is published now' }),
    schema: JsonObject,
    title: z.string(),
    currentVersion: z.number().int().optional().meta({ description: 'The latest published version, absent for a new form' }),
    changes: z.array(FieldChange).meta({ description: 'Fields added, removed or retyped against the latest published version' }),
    unchanged: z.boolean().meta({
      description: 'The schema ($id aside) and settings equal the latest version with its summary annotations: there is nothing to publish, and publishing answers 422 form-unchanged',
    }),
    rounds: z
      .array(
        z.object({
          roundId: RoundId,
          title: z.string(),
          formVersion: z.number().int(),
          phase: RoundPhase,
          locked: z.boolean().meta({ description: 'A report has been submitted: the round keeps its form version' }),
        }),
      )
      .meta({ description: "The form's rounds: each keeps its version unless moved (until its first report is submitted)" }),
  })
  .meta({ id: 'FormVersionPreview' });

export const CreateRoundRequest = z
  .strictObject({
    roundId: RoundId.optional(),
    formId: FormId,
    formVersion: z.number().int().min(1).optional().meta({ description: 'Default: the latest published version' }),
    title: z.string().min(1).max(300).optional(),
    period: z.string().regex(/^\d{4}$/, 'a year, e.g. 2026'),
    opensAt: DanishInstant,
    deadline: DanishInstant,
    closeAt: DanishInstant.optional(),
    reminderPolicy: ReminderPolicyRequest.optional().meta({
      description: 'Absent: the default policy (at opening, 14 and 3 days before, the day after, then weekly, at 08:00); fields left out take their defaults',
    }),
    respondentsAt: DateString.optional().meta({
      description: 'The date the respondents are read from the registry; default the deadline date',
    }),
    mode: RoundMode.optional().meta({ description: 'Default `direct`' }),
    coordinator: OrgId.optional().meta({ description: 'Required in a coordinated round: an organisation in the registry on the respondents date, not SST' }),
    contributors: z.array(OrgId).min(1).max(200).optional().meta({
      description: 'Coordinated rounds: organisations of the form\'s respondent kind on the respondents date; default all of them',
    }),
  })
  .meta({ id: 'CreateRoundRequest' });

/** A round changed before it opens: everything but its id and form (the id names the form). */
export const UpdateRoundRequest = CreateRoundRequest.omit({ roundId: true, formId: true }).meta({ id: 'UpdateRoundRequest' });

export const SubmissionStatus = z.enum(['not_started', 'draft', 'submitted', 'returned', 'accepted']);

export const ReviewNote = z.object({
  comment: z.string(),
  pointer: z.string().optional(),
  by: z.string().meta({ description: 'The person who wrote it' }),
  byOrgId: OrgId.optional().meta({ description: 'The organisation that reviewed the report: `sst`, or in a coordinated round the coordinator for a contribution' }),
  byOrgName: z.string().optional().meta({ description: 'That organisation\'s official name, e.g. `Danske Regioner`' }),
  at: IsoTime,
});

export const Attachment = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    revision: z.number().int(),
    uploadedAt: IsoTime,
    uploadedBy: z.string(),
    /** SHA-256 of the confirmed bytes (hex), computed by the server. */
    sha256: z.string().optional(),
    /** Only where malware scanning is on: a file is downloadable once `clean`. */
    scan: z.enum(['clean', 'pending', 'infected', 'unscannable']).optional(),
  })
  .meta({ id: 'Attachment' });

export const Submission = z
  .object({
    roundId: RoundId,
    orgId: OrgId,
    status: SubmissionStatus,
    revision: z.number().int().min(0),
    etag: z.string().optional(),
    answers: JsonObject,
    updatedAt: IsoTime.optional(),
    updatedBy: z.string().optional(),
    submittedAt: IsoTime.optional().meta({ description: 'The latest submission: a report returned and sent again shows when it was sent again' }),
    firstSubmittedAt: IsoTime.optional().meta({ description: 'The first submission, by which `late` is judged (a report returned and sent again after the deadline was still on time)' }),
    late: z.boolean().optional(),
    deadlineAt: IsoTime.meta({ description: "This organisation's effective deadline: its extension's when SST granted one, else the round's" }),
    roundDeadlineAt: IsoTime.meta({ description: "The round's own deadline (the last on-time instant)" }),
    extension: z
      .object({ deadline: z.string(), deadlineAt: IsoTime, reason: z.string() })
      .optional()
      .meta({ description: "This organisation's extended deadline, when SST granted one" }),
    review: ReviewNote.optional(),
    attachments: z.array(Attachment).optional(),
    predecessors: z
      .array(z.object({ orgId: OrgId, name: z.string().meta({ description: 'Official name, e.g. `Region Hovedstaden`' }) }))
      .optional()
      .meta({ description: 'The organisations this one succeeds on the round\'s respondents date (Region Østdanmark: Region Hovedstaden and Region Sjælland), whose accepted answers a report not yet started can start from (prefill `from`)' }),
    movedFrom: z
      .object({
        formVersion: z.number().int().min(1),
        dropped: z.array(z.object({ pointer: z.string(), reason: z.enum(['not-in-form', 'invalid']), value: z.unknown(), label: z.string().meta({ description: 'The field\'s Danish title path in the version it was answered in' }) })),
      })
      .optional()
      .meta({
        description:
          'A draft or returned report last saved under an older form version, in a round SST has since moved to a newer one: `answers` are already fitted to the round\'s version, and `dropped` lists what did not fit. The next save stores the fitted answers; the dropped values stay in earlier revisions',
      }),
  })
  .meta({ id: 'Submission' });

export const SaveDraftRequest = z
  .strictObject({ answers: JsonObject.meta({ description: 'Answers to the round\'s form; may be partial' }) })
  .meta({ id: 'SaveDraftRequest' });

export const ReviewRequest = z
  .strictObject({
    comment: z.string().trim().min(1).max(5000),
    pointer: z.string().max(500).regex(/^(\/[^/]*)*$/, 'a JSON pointer').optional(),
  })
  .meta({ id: 'ReviewRequest' });

export const ReopenRequest = z.strictObject({ reason: z.string().trim().max(5000).optional() }).meta({ id: 'ReopenRequest' });

export const RevisionAction = z.enum(['save', 'compose', 'prefill', 'attach', 'detach', 'restore', 'submit', 'reopen', 'return', 'accept']);

export const Revision = z
  .object({
    revision: z.number().int().min(1),
    action: RevisionAction,
    status: SubmissionStatus,
    savedAt: IsoTime,
    savedBy: z.string().meta({ description: 'Display name from the token; savedById tells people apart' }),
    savedById: z.string().optional().meta({ description: "Stable user id (the token's sub); absent on revisions from before it was recorded" }),
    savedByRole: z.string().optional(),
    savedByOrgId: z.string().optional(),
    formVersion: z.number().int().optional().meta({ description: 'The form version the answers were checked against when this revision was written' }),
  })
  .meta({ id: 'Revision' });

export const RevisionDetail = Revision.extend({ answers: JsonObject }).meta({ id: 'RevisionDetail' });

export const AnswerChange = z.object({
  pointer: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
});

export const RevisionDiff = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(AnswerChange) }).meta({ id: 'RevisionDiff' });

export const PrefillRequest = z
  .strictObject({
    from: z
      .union([OrgId, z.array(OrgId).min(2).max(10)])
      .optional()
      .meta({
        description:
          "Start from this organisation's accepted answers: the organisation itself (the default) or a predecessor it succeeds. An organisation with predecessors and no accepted answers of its own must name one, or name several predecessors as a list to start from all of them: each repeated item (initiative) once, long texts from each with the predecessor named, other answers where they agree.",
      }),
  })
  .meta({ id: 'PrefillRequest' });

export const PrefillResult = z
  .object({
    submission: Submission,
    carriedFrom: z.object({
      roundId: RoundId,
      revision: z.number().int(),
      orgId: OrgId.meta({ description: 'Whose accepted answers these are: the organisation itself, or a predecessor it succeeds (Region Hovedstaden or Region Sjælland for Region Østdanmark)' }),
      orgName: z.string(),
    }),
    combined: z
      .array(z.object({ roundId: RoundId, revision: z.number().int(), orgId: OrgId, orgName: z.string() }))
      .optional()
      .meta({ description: 'When started from several predecessors: each one whose accepted answers were brought in (carriedFrom is the first)' }),
    dropped: z.array(z.object({ pointer: z.string(), reason: z.enum(['not-in-form', 'invalid']), value: z.unknown() })),
  })
  .meta({ id: 'PrefillResult' });

export const AuditEvent = z
  .object({
    at: IsoTime,
    id: z.string(),
    actor: z.string().meta({ description: 'Display name from the token; actorId tells people apart' }),
    actorId: z.string().optional().meta({ description: "Stable user id (the token's sub, or the machine client's id); absent on events from before it was recorded" }),
    actorRole: z.string().optional(),
    actorOrgId: z.string(),
    action: z.string(),
    subject: z.string(),
    orgId: z.string().optional(),
    roundId: z.string().optional(),
    detail: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEvent' });

const AuditFilterShape = {
  from: z.iso.datetime({ offset: true }).meta({ description: 'Inclusive start (ISO date-time)' }),
  to: z.iso.datetime({ offset: true }).meta({ description: 'Exclusive end (ISO date-time)' }),
  orgId: z.string().regex(/^[a-z0-9-]{1,64}$/).optional().meta({ description: 'Events about this organisation or by its people' }),
  roundId: z.string().regex(/^[a-z0-9-]{1,100}$/).optional().meta({ description: "Events about this round or one of its reports" }),
  actor: z.string().trim().min(1).max(200).optional().meta({ description: "The actor's stable id, or part of their display name; upper and lower case match alike (Danish letters too: SØREN finds Søren)" }),
  action: z.string().regex(/^[a-z][a-z0-9.-]{0,99}$/).optional().meta({ description: 'An action or its prefix: `submission.submit`, or `submission.` for every report action' }),
};

export const AuditQuery = z.strictObject({
  ...AuditFilterShape,
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(2000).optional(),
});

export const AuditExportQuery = z.strictObject(AuditFilterShape);

export const SwitchFormVersionRequest = z.strictObject({ version: z.number().int().min(1) }).meta({ id: 'SwitchFormVersionRequest' });

export const UploadRequest = z
  .strictObject({
    fileName: z.string().min(1).max(255),
    contentType: z.string().max(200),
    size: z.number().int().min(1),
  })
  .meta({ id: 'UploadRequest' });

export const UploadTicket = z
  .object({
    attachmentId: z.string(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }).meta({
      description: 'POST a multipart/form-data form to `url` with these fields and then the `file` field',
    }),
    expiresAt: IsoTime,
  })
  .meta({ id: 'UploadTicket' });

export const DevTokenRequest = z
  .strictObject({
    orgId: OrgId.optional(),
    role: z.enum([...Role.options, 'machine']).meta({ description: "'machine': a client-credentials token with the summaries.read scope" }),
    name: z.string().max(200).optional(),
  })
  .meta({ id: 'DevTokenRequest' });

// RFC 9457 lets a problem carry extension members; the ones this API sets are named here, and
// a client must ignore any other it meets (the schema stays open for that).
export const ProblemDocument = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string(),
          message: z.string(),
          sheet: z.string().optional().meta({ description: 'A form workbook: the sheet (survey, choices, settings)' }),
          row: z.number().int().optional().meta({ description: 'A form workbook: the row, as the spreadsheet numbers it' }),
          column: z.string().optional().meta({ description: 'A form workbook: the column heading' }),
        }),
      )
      .optional()
      .meta({ description: 'Each invalid field: a JSON pointer and a Danish message (422); for a form workbook also its sheet, row and column' }),
    savedBy: z.string().optional().meta({ description: 'Who saved the version that won (412)' }),
    savedAt: z.string().optional().meta({ description: 'When that version was saved (412)' }),
    currentRevision: z.number().int().optional().meta({ description: 'The number of that version (412)' }),
    currentEtag: z.string().optional().meta({ description: 'Its ETag, to load it again (412)' }),
    currentStatus: z.string().optional().meta({ description: "The report's status: when a move is not possible in it (409), or as the newer version left it (412)" }),
    parameter: z.string().optional().meta({ description: 'The parameter that could not be read (400)' }),
    limitBytes: z.number().int().optional().meta({ description: 'The largest body accepted (413)' }),
    retryAfterSeconds: z.number().int().optional().meta({ description: 'As the Retry-After header (503)' }),
    errorsOmitted: z.number().int().optional().meta({ description: 'How many more errors there were than `errors` lists (at most 100 are listed)' }),
  })
  .meta({ id: 'Problem' });

/** A whole HTML document (text/html), e.g. a printable report. */
export const HtmlPage = z.string().meta({ description: 'An HTML document' });

export const Health = z.object({ status: z.literal('ok') });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export type Organisation = z.infer<typeof Organisation>;
export type FormSummary = z.infer<typeof FormSummary>;
export type FormVersion = z.infer<typeof FormVersion>;
export type FormVersionPreview = z.infer<typeof FormVersionPreview>;
export type FieldChange = z.infer<typeof FieldChange>;
const ContributionRow = z.object({
  orgId: OrgId,
  name: z.string(),
  status: SubmissionStatus,
  revision: z.number().int().optional(),
  submittedAt: IsoTime.optional().meta({ description: 'The latest submission (after a return: when it was sent again)' }),
  firstSubmittedAt: IsoTime.optional().meta({ description: 'The first submission, by which `late` is judged' }),
  late: z.boolean().optional(),
  updatedAt: IsoTime.optional(),
  review: z
    .object({ comment: z.string(), by: z.string(), byOrgId: OrgId, byOrgName: z.string(), at: IsoTime })
    .optional()
    .meta({ description: 'The comment the report was last returned with; answered when `submittedAt` is later than its `at`' }),
});

export const RoundContributions = z
  .object({
    roundId: RoundId,
    coordinator: ContributionRow.meta({ description: "The coordinator's own report to SST" }),
    contributions: z.array(ContributionRow).meta({ description: 'Each contributor\'s contribution to the coordinator, in the round\'s order' }),
  })
  .meta({ id: 'RoundContributions' });

export type Round = z.infer<typeof Round>;
export type RoundMode = z.infer<typeof RoundMode>;
export type RoundPhase = z.infer<typeof RoundPhase>;
export type CreateRoundRequest = z.infer<typeof CreateRoundRequest>;
export type UpdateRoundRequest = z.infer<typeof UpdateRoundRequest>;
export type ReminderPolicyRequest = z.infer<typeof ReminderPolicyRequest>;
export type Submission = z.infer<typeof Submission>;
export type PrefillResult = z.infer<typeof PrefillResult>;
export type SubmissionStatus = z.infer<typeof SubmissionStatus>;
export type RevisionAction = z.infer<typeof RevisionAction>;
export type Revision = z.infer<typeof Revision>;
export type ReviewNote = z.infer<typeof ReviewNote>;
export type Role = z.infer<typeof Role>;
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;
export type RespondentKind = z.infer<typeof RespondentKind>;
export type Plan = z.infer<typeof Plan>;
export type JsonObject = z.infer<typeof JsonObject>;
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;
