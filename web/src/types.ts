// The API's entities as the web app sees them: the same zod-derived types the server uses.
export type {
  Organisation,
  Round,
  RoundPhase,
  Submission,
  PrefillResult,
  SubmissionStatus,
  Revision,
  RevisionAction,
  ReviewNote,
  Role,
  FormVersion,
  FormVersionPreview,
  FormSummary,
  FieldChange,
  JsonObject,
} from '#schemas/api';
export type { Seat } from '#schemas/schedule';

/** A field error as the API reports it in a 422 problem and as the form shows it. */
export interface FieldError {
  pointer: string;
  message: string;
}

/** RFC 9457 problem document with the extensions this API adds. */
export interface ProblemDoc {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  savedBy?: string;
  savedAt?: string;
  [extension: string]: unknown;
}
