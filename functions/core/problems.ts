// The one catalogue of every problem the API can answer with (RFC 9457).
// Each code is stable: clients test `type`, people read `title` and `detail` (Danish,
// because reporters read them). Retired codes stay here as comments so a URI is never reused.
// Core modules throw `Problem`; the HTTP edge is the only place that turns one into a response.

export const PROBLEM_BASE = 'https://statusportalen.sst.dk/problems/';

interface ProblemSpec {
  status: number;
  title: string;
}

export const PROBLEMS = {
  'malformed-request': { status: 400, title: 'Forespørgslen kunne ikke læses' },
  'invalid-parameter': { status: 400, title: 'Ugyldig parameter' },
  'unauthenticated': { status: 401, title: 'Du er ikke logget ind' },
  'forbidden': { status: 403, title: 'Du har ikke adgang' },
  'not-found': { status: 404, title: 'Findes ikke' },
  'method-not-allowed': { status: 405, title: 'Metoden er ikke tilladt' },
  'gone': { status: 410, title: 'Findes ikke længere' },
  'round-not-open': { status: 409, title: 'Indberetningsrunden er ikke åbnet endnu' },
  'round-closed': { status: 409, title: 'Indberetningsrunden er lukket' },
  'already-accepted': { status: 409, title: 'Indberetningen er allerede godkendt' },
  'already-submitted': { status: 409, title: 'Indberetningen er allerede indsendt' },
  'invalid-transition': { status: 409, title: 'Handlingen er ikke mulig i indberetningens nuværende tilstand' },
  'already-exists': { status: 409, title: 'Findes allerede' },
  'edit-conflict': { status: 412, title: 'En anden har gemt først' },
  'payload-too-large': { status: 413, title: 'Indholdet er for stort' },
  'unsupported-media-type': { status: 415, title: 'Indholdstypen understøttes ikke' },
  'validation-failed': { status: 422, title: 'Indberetningen er ikke udfyldt korrekt' },
  'invalid-body': { status: 422, title: 'Indholdet har ikke den forventede form' },
  'invalid-attachment': { status: 422, title: 'Bilaget kan ikke modtages' },
  'upload-missing': { status: 409, title: 'Filen er ikke uploadet' },
  'attachment-not-scanned': { status: 409, title: 'Bilaget afventer scanning' },
  'attachment-blocked': { status: 409, title: 'Bilaget er spærret' },
  'invalid-form-schema': { status: 422, title: 'Skemaet er ikke et gyldigt JSON Schema' },
  'invalid-form-sheet': { status: 422, title: 'Regnearket kan ikke bruges som skema' },
  'form-unchanged': { status: 422, title: 'Skemaet er uændret' },
  'sheet-not-possible': { status: 409, title: 'Skemaet kan ikke vises som regneark' },
  'precondition-required': { status: 428, title: 'Indberetningen skal hentes igen' },
  'internal': { status: 500, title: 'Der opstod en intern fejl' },
  'unavailable': { status: 503, title: 'Tjenesten er midlertidigt utilgængelig' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key er brugt til en anden forespørgsel' },
  'idempotency-in-progress': { status: 409, title: 'En forespørgsel med samme Idempotency-Key er i gang' },
} as const satisfies Record<string, ProblemSpec>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  /** JSON pointer (RFC 6901) into the answers document. */
  pointer: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  /** How many errors beyond the listed ones were found (at most MAX_LISTED_ERRORS are listed). */
  errorsOmitted?: number;
  [extension: string]: unknown;
}

/** The most errors one answer lists; the rest are counted in `errorsOmitted`. */
export const MAX_LISTED_ERRORS = 100;
/** Longest pointer or message in a listed error, and longest detail, in UTF-16 units. */
const MAX_ERROR_TEXT = 300;
const MAX_DETAIL = 2000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Every answer stays small whatever the request held: a 1 MB draft of 130,000 unknown keys, or one
 * key of 900 KB, would otherwise be echoed back many times over (7.96 MB measured, past Lambda's
 * 6 MB response limit). At most 100 errors, each text cut to size, and the count of the rest.
 */
function bounded(extensions: Record<string, unknown>): Record<string, unknown> {
  const errors = extensions['errors'];
  if (!Array.isArray(errors)) return extensions;
  const listed = (errors as FieldError[]).slice(0, MAX_LISTED_ERRORS).map((e) => ({
    ...e,
    pointer: clip(String(e.pointer), MAX_ERROR_TEXT),
    message: clip(String(e.message), MAX_ERROR_TEXT),
  }));
  const omitted = (typeof extensions['errorsOmitted'] === 'number' ? extensions['errorsOmitted'] : 0) + errors.length - listed.length;
  const { errorsOmitted: _given, ...rest } = extensions;
  return { ...rest, errors: listed, ...(omitted > 0 ? { errorsOmitted: omitted } : {}) };
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}) {
    const text = detail === undefined ? undefined : clip(detail, MAX_DETAIL);
    super(text ?? PROBLEMS[code].title);
    this.name = 'Problem';
    this.code = code;
    this.status = PROBLEMS[code].status;
    this.detail = text;
    this.extensions = bounded(extensions);
  }

  toBody(instance?: string): ProblemBody {
    return {
      type: PROBLEM_BASE + this.code,
      title: PROBLEMS[this.code].title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extensions,
    };
  }
}

export const isProblem = (e: unknown): e is Problem => e instanceof Problem;
