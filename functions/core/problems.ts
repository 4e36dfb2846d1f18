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
  [extension: string]: unknown;
}

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? PROBLEMS[code].title);
    this.name = 'Problem';
    this.code = code;
    this.status = PROBLEMS[code].status;
    this.detail = detail;
    this.extensions = extensions;
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
