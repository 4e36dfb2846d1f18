// Answers documents are written to S3 before the transaction that makes a report point at them
// (submissions-service: "the answers go to their own immutable object first"). When that
// transaction loses (a colleague saved first) or never comes back, the document is an orphan:
// nothing refers to it, and nobody can ever read it. This sweep finds and removes those, and
// only those: a document is removed when no revision of its report names it and it is older
// than the grace period, which covers a save still between its upload and its commit.
import type { RoundStore, SubmissionStore } from './ports.ts';

export interface ContentObject {
  key: string;
  lastModified: Date;
}

/** The answers documents in storage, by key prefix, and their removal. */
export interface ContentObjects {
  list(prefix: string): Promise<ContentObject[]>;
  remove(keys: string[]): Promise<void>;
}

export interface ContentSweepDeps {
  rounds: Pick<RoundStore, 'list'>;
  submissions: Pick<SubmissionStore, 'listHeads' | 'listRevisions'>;
  objects: ContentObjects;
}

/** A save takes well under a minute from upload to commit; a day leaves no doubt. */
export const SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

export interface ContentSweepReport {
  now: string;
  roundsChecked: number;
  objectsSeen: number;
  /** Keys removed: documents no revision names, older than the grace period. */
  removed: string[];
  /** Unreferenced documents still inside the grace period, left for a later run. */
  tooRecent: number;
}

/** `submissions/{roundId}/{orgId}/{revision}-{unique}.json` → its organisation, or undefined. */
function orgOf(key: string, prefix: string): string | undefined {
  const rest = key.slice(prefix.length).split('/');
  return rest.length === 2 && rest[0] && rest[1]?.endsWith('.json') ? rest[0] : undefined;
}

export async function sweepOrphanContent(deps: ContentSweepDeps, now: Date, graceMs = SWEEP_GRACE_MS): Promise<ContentSweepReport> {
  const report: ContentSweepReport = { now: now.toISOString(), roundsChecked: 0, objectsSeen: 0, removed: [], tooRecent: 0 };
  const cutoff = now.getTime() - graceMs;
  for (const round of await deps.rounds.list()) {
    report.roundsChecked += 1;
    const prefix = `submissions/${round.roundId}/`;
    const objects = await deps.objects.list(prefix);
    report.objectsSeen += objects.length;
    const byOrg = new Map<string, ContentObject[]>();
    for (const o of objects) {
      const orgId = orgOf(o.key, prefix);
      // A key of another shape is not ours to judge.
      if (orgId) byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), o]);
    }
    if (byOrg.size === 0) continue;
    const heads = new Map((await deps.submissions.listHeads(round.roundId)).map((h) => [h.orgId, h.contentKey]));
    const orphans: string[] = [];
    for (const [orgId, docs] of byOrg) {
      const referenced = new Set((await deps.submissions.listRevisions(round.roundId, orgId)).map((r) => r.contentKey));
      const head = heads.get(orgId);
      if (head) referenced.add(head);
      for (const doc of docs) {
        if (referenced.has(doc.key)) continue;
        if (doc.lastModified.getTime() > cutoff) report.tooRecent += 1;
        else orphans.push(doc.key);
      }
    }
    if (orphans.length) {
      await deps.objects.remove(orphans);
      report.removed.push(...orphans);
    }
  }
  return report;
}
