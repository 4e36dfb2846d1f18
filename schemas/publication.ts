// Publications: SST's own reports (the yearly report to the ministry on Kræftplan V, the status
// report on the 10-year plan for psychiatry), made of Markdown sections and data blocks that name
// consolidated data by id. Request bodies are strict; the OpenAPI document is generated from these.
import * as z from 'zod';
import { FormId, IsoTime, OrgId, RoundId } from '#schemas/api';

export const PublicationId = z
  .string()
  .regex(/^pub-[0-9a-z]{26}$/, '"pub-" and 26 lowercase letters or digits')
  .meta({ description: 'Publication id, e.g. `pub-01jd8x7m3q4r5s6t7v8w9x0y1z`' });
export const SectionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and hyphens, at most 40 characters');
export const FieldKey = z
  .string()
  .regex(/^(\/[A-Za-z0-9_*]{1,64}){1,6}$/, 'a field as a JSON pointer into the form, `*` for any list item, e.g. `/maal/*/status`');
export const IndicatorKey = z.string().min(1).max(80);

/** The two example templates; `blank` starts with one empty text section. */
export const TemplateId = z.enum(['kraeftplan-v-ministeriet', 'psykiatri-10-aarsplan', 'blank']);

/** How a question block groups its figures: per region, per sundhedsråd (municipal rounds from 2027-01-01) or per organisation. */
export const QuestionGrouping = z.enum(['region', 'health-council', 'organisation']);

/** What a data block shows. Every kind names its data by id; nothing is copied until publishing. */
export const DataBlockRef = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('completeness'), roundId: RoundId }).meta({ description: "A round's completeness per region: expected, reported, on time, missing" }),
  z
    .strictObject({ type: z.literal('status-distribution'), roundId: RoundId, field: FieldKey })
    .meta({ description: 'The answers to one choice question (a status per initiative or goal), counted' }),
  z
    .strictObject({ type: z.literal('question'), roundId: RoundId, field: FieldKey, by: QuestionGrouping.default('region') })
    .meta({
      description:
        "One number question's figures per region or per sundhedsråd (n, the sum only where the field's `x-aggregate` is `sum`, mean, median, min, max) or per organisation. `health-council` groups a municipal round's municipalities by the sundhedsråd they belong to on the round's respondents date (from 2027-01-01); municipalities in no shipped sundhedsråd form one row of their own",
    }),
  z
    .strictObject({ type: z.literal('indicator-series'), formId: FormId, indicator: IndicatorKey, better: z.enum(['higher', 'lower']).default('higher') })
    .meta({ description: "A national indicator's values over the periods against its target; `better` says which way is good" }),
  z.strictObject({ type: z.literal('free-text'), roundId: RoundId, field: FieldKey }).meta({ description: 'The free-text answers to one question' }),
]);

const Title = z.string().trim().min(1, 'Skal udfyldes.').max(200, 'Højst 200 tegn.');

export const Section = z.discriminatedUnion('kind', [
  z.strictObject({ id: SectionId, kind: z.literal('text'), title: Title, markdown: z.string().max(50_000, 'Højst 50.000 tegn.') }),
  z.strictObject({
    id: SectionId,
    kind: z.literal('data'),
    title: Title,
    block: DataBlockRef,
    /** Shown under the block: the reading of the figures. */
    markdown: z.string().max(20_000, 'Højst 20.000 tegn.').default(''),
  }),
]);

/** A data block as published: the figures as a table, frozen, with where they came from. */
export const BlockSnapshot = z.object({
  caption: z.string(),
  columns: z.array(z.object({ label: z.string(), numeric: z.boolean() })),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  /** One bar per row, for the chart; its text alternative is `summary`. */
  chart: z.object({ label: z.string(), values: z.array(z.object({ label: z.string(), value: z.number() })), max: z.number() }).optional(),
  /** A sentence that says what the chart shows, for screen readers and the PDF. */
  summary: z.string(),
  source: z.object({
    kind: z.enum(['round-summary', 'indicator-dataset']),
    id: z.string(),
    contentHash: z.string(),
    builtAt: IsoTime,
  }),
  /** Set when the data could not be read (round gone, field missing): the block says so. */
  missing: z.string().optional(),
});

export const PublicationStatus = z.enum(['draft', 'approved']);

export const EditionMeta = z.object({
  edition: z.number().int().min(1),
  revision: z.number().int().min(1),
  publishedAt: IsoTime,
  publishedBy: z.string(),
  public: z.boolean(),
  title: z.string(),
});

export const PublicationComment = z.object({
  commentId: z.string(),
  sectionId: SectionId,
  text: z.string(),
  at: IsoTime,
  by: z.string(),
  byOrgId: OrgId,
});

export const Publication = z.object({
  publicationId: PublicationId,
  title: z.string(),
  template: TemplateId,
  /** Shown on every page the templates make: they are examples of structure, not official text. */
  exampleNotice: z.string().optional(),
  status: PublicationStatus,
  /** Organisations besides SST invited to write (their users have the `author` role). */
  authors: z.array(OrgId),
  sections: z.array(Section),
  revision: z.number().int().min(1),
  etag: z.string(),
  updatedAt: IsoTime,
  updatedBy: z.string(),
  approvedRevision: z.number().int().optional(),
  approvedBy: z.string().optional(),
  editions: z.array(EditionMeta),
  comments: z.array(PublicationComment),
  /** What the caller may do, so the web app shows only working buttons. */
  may: z.object({ edit: z.boolean(), invite: z.boolean(), approve: z.boolean(), publish: z.boolean(), comment: z.boolean() }),
});

/** A list row; readers who see only editions get `sections` of nothing and `status` of the latest edition. */
export const PublicationListItem = z.object({
  publicationId: PublicationId,
  title: z.string(),
  status: PublicationStatus,
  updatedAt: IsoTime,
  /** False for readers who see the published editions only. */
  draftVisible: z.boolean(),
  editions: z.array(EditionMeta),
});

export const CreatePublicationRequest = z.strictObject({
  template: TemplateId,
  title: Title.optional(),
  /** The year the template's rounds are named by (`psykiatriplan-status-<period>`); this year by default. */
  period: z.string().regex(/^\d{4}$/, 'Et årstal, fx 2026.').optional(),
  authors: z.array(OrgId).max(10).default([]),
});

export const UpdatePublicationRequest = z.strictObject({
  title: Title,
  sections: z.array(Section).min(1, 'Mindst ét afsnit.').max(60, 'Højst 60 afsnit.'),
  /** Only SST's administrators change who is invited. */
  authors: z.array(OrgId).max(10).optional(),
});

export const CommentRequest = z.strictObject({ sectionId: SectionId, text: z.string().trim().min(1, 'Skal udfyldes.').max(4000, 'Højst 4.000 tegn.') });

export const PublishRequest = z.strictObject({
  /** Also at /public/publications/{id}, for anyone, without signing in. */
  public: z.boolean().default(false),
  /** Announce the edition by e-mail to the organisations' contacts. */
  announce: z.boolean().default(true),
});

export const PublicationQuery = z.strictObject({
  format: z.enum(['json', 'html', 'pdf']).optional(),
  /** An edition number; without it a reader gets the latest edition and an editor the draft. */
  edition: z.coerce.number().int().min(1).max(9999).optional(),
});

export const PublicQuery = z.strictObject({ format: z.enum(['html', 'pdf']).optional() });

/** One run of a word diff: text kept, added or removed. */
export const TextChange = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });

export const SectionChange = z.object({
  sectionId: SectionId,
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'moved']),
  /** A changed section that also changed place. */
  moved: z.boolean().optional(),
  /** The heading before, when it changed. */
  titleBefore: z.string().optional(),
  /** The data block before and after, when it changed. */
  blockBefore: DataBlockRef.optional(),
  blockAfter: DataBlockRef.optional(),
  /** Changed text: the whole lines removed and added. */
  removed: z.array(z.string()).optional(),
  added: z.array(z.string()).optional(),
  /** Changed or added text as a word diff; long unchanged stretches are shortened to "…". */
  text: z.array(TextChange).optional(),
  /** The word diff stops early: the section was largely rewritten. */
  textTruncated: z.boolean().optional(),
});

export const PublicationVersion = z.object({
  revision: z.number().int(),
  at: IsoTime,
  by: z.string(),
  title: z.string(),
  changes: z.array(SectionChange),
});

export type DataBlockRef = z.output<typeof DataBlockRef>;
export type QuestionGrouping = z.infer<typeof QuestionGrouping>;
export type Section = z.output<typeof Section>;
export type BlockSnapshot = z.infer<typeof BlockSnapshot>;
export type Publication = z.infer<typeof Publication>;
export type PublicationListItem = z.infer<typeof PublicationListItem>;
export type EditionMeta = z.infer<typeof EditionMeta>;
export type PublicationComment = z.infer<typeof PublicationComment>;
export type TemplateId = z.infer<typeof TemplateId>;
export type SectionChange = z.infer<typeof SectionChange>;
export type TextChange = z.infer<typeof TextChange>;
export type PublicationVersion = z.infer<typeof PublicationVersion>;
