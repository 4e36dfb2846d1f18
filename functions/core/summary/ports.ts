// Storage ports of the summaries feature, beside the core's own (functions/core/ports.ts).
// One S3 + DynamoDB implementation lives in functions/store/summary-store.ts.
import type { AuditEvent, CoreDeps } from '#core/ports';
import type { IndicatorDataset, RoundSummary } from '#core/summary/model';

export interface StoredSummaryRef {
  roundId: string;
  key: string;
  builtAt: string;
  contentHash: string;
  /** Fingerprint of everything the build read (heads, form version, indicators, deadline passed). */
  sourceStamp: string;
  /** When a build last confirmed this content (a build with equal content writes nothing new). */
  checkedAt: string;
}

export interface SummaryStore {
  latest(roundId: string): Promise<StoredSummaryRef | undefined>;
  read(ref: StoredSummaryRef): Promise<RoundSummary>;
  /**
   * Stores a build under `summaries/<roundId>/<builtAt>-<hash>.json` unless the latest build
   * has the same content hash; then only the pointer's stamp is refreshed. Returns whether a
   * new object was written.
   */
  save(summary: RoundSummary, sourceStamp: string): Promise<{ written: boolean; ref: StoredSummaryRef }>;
  /** A rendered file too large to answer inline; returns a short-lived GET link. */
  putRenderedAndLink(key: string, body: Uint8Array, contentType: string, filename: string, expiresInSeconds: number): Promise<string>;
}

export interface IndicatorStore {
  get(formId: string): Promise<(IndicatorDataset & { contentHash: string }) | undefined>;
  /** Stores the dataset and points the form at it; the audit event goes in the pointer's transaction. */
  put(dataset: IndicatorDataset, event: AuditEvent): Promise<{ contentHash: string }>;
}

export interface SummaryDeps extends CoreDeps {
  summaries: SummaryStore;
  indicators: IndicatorStore;
}
