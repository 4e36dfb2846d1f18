// "Send en påmindelse nu": SST reminds chosen organisations that have not submitted, at once,
// through the same machinery as the deadline check (claims, reminder e-mail, outbox/SES). Each
// organisation gets at most one reminder per Danish day from it: none when the organisation
// already had a reminder in the round that day, scheduled (the deadline check's "14 dage før
// fristen" at 08:00) or by hand; and the claim's step is `manual@<date>`, taken with one
// conditional write, so a double click (or two colleagues clicking at once) sends once. The
// reminder log lists it beside the scheduled steps.
import { Problem } from '#core/problems';
import { actorOf, type Identity } from '#core/identity';
import { assertMayReview } from '#core/policy';
import { danishDate } from '#core/danish-time';
import { getVisibleRound } from '#core/rounds-service';
import { isContribution, reportingOrgs, roundPhase } from '#core/rounds';
import { daysUntil, owesReport, type ReminderStep } from '#core/reminders';
import { reminderMail } from '#core/mail-texts';
import { CLAIM_LEASE_MS, MANUAL_STEP_PREFIX, MAX_ATTEMPTS, orgName, submissionLink, type DeadlineDeps } from '#core/deadline-service';
import { formatDanishDateTime } from '#core/danish-time';
import type { RemindNowResult } from '#schemas/schedule';

export type RemindNowDeps = Pick<DeadlineDeps, 'rounds' | 'submissions' | 'extensions' | 'contacts' | 'claims' | 'mail' | 'clock' | 'newId' | 'webBaseUrl'>;

/** The step id of a reminder sent by hand on a Danish date. */
export const manualStep = (date: string): string => `${MANUAL_STEP_PREFIX}${date}`;

const invalid = (pointer: string, message: string) => new Problem('invalid-body', message, { errors: [{ pointer, message }] });

export async function remindNow(deps: RemindNowDeps, who: Identity, roundId: string, orgIds: readonly string[]): Promise<RemindNowResult> {
  assertMayReview(who);
  const round = await getVisibleRound(deps, who, roundId);
  const now = deps.clock.now();
  const phase = roundPhase(round, now);
  if (phase === 'scheduled') {
    throw new Problem('round-not-open', `Runden åbner ${formatDanishDateTime(new Date(round.opensAt))}; der kan sendes påmindelser, når den er åben.`);
  }
  if (phase === 'closed') throw new Problem('round-closed', 'Runden er lukket; der sendes ikke flere påmindelser.');
  const expected = new Set(reportingOrgs(round));
  const seen = new Set<string>();
  orgIds.forEach((orgId, i) => {
    if (!expected.has(orgId)) throw invalid(`/orgIds/${i}`, `"${orgId}" skal ikke indberette i runden "${round.title}".`);
    if (seen.has(orgId)) throw invalid(`/orgIds/${i}`, `"${orgId}" står flere gange på listen.`);
    seen.add(orgId);
  });

  const date = danishDate(now);
  const step = manualStep(date);
  const runId = deps.newId();
  const [heads, extensions, claims] = await Promise.all([deps.submissions.listHeads(roundId), deps.extensions.list(roundId), deps.claims.listReminders(roundId)]);
  const headOf = new Map(heads.map((h) => [h.orgId, h]));
  // Who already had a reminder in this round today, scheduled or by hand: sent, or being sent
  // (a claim still pending). A failed one reached nobody and does not count.
  const remindedToday = new Set(
    claims.filter((c) => c.state !== 'failed' && danishDate(new Date(c.sentAt ?? c.claimedAt)) === date).map((c) => c.orgId),
  );
  const extensionOf = new Map(extensions.map((e) => [e.orgId, e]));
  const result: RemindNowResult = { roundId, date, sent: [], alreadySent: [], submitted: [], noContacts: [], failed: [] };

  for (const orgId of orgIds) {
    const named = { orgId, orgName: orgName(orgId) };
    if (!owesReport(headOf.get(orgId))) {
      result.submitted.push(named);
      continue;
    }
    if (remindedToday.has(orgId)) {
      result.alreadySent.push(named);
      continue;
    }
    const to = (await deps.contacts.get(orgId))?.emails ?? [];
    if (to.length === 0) {
      result.noContacts.push(named);
      continue;
    }
    const ref = { kind: 'reminder' as const, roundId, orgId, step };
    const claim = await deps.claims.claim({ ref, now, leaseMs: CLAIM_LEASE_MS, maxAttempts: MAX_ATTEMPTS, runId, detail: { roundId, orgId, step, by: who.name, manual: true } });
    if (!claim) {
      result.alreadySent.push(named);
      continue;
    }
    const extension = extensionOf.get(orgId);
    const deadlineAt = new Date(extension?.deadlineAt ?? round.deadlineAt);
    const left = daysUntil(deadlineAt, now);
    const reminderStep: ReminderStep = { id: step, kind: now > deadlineAt ? 'after' : 'before', days: Math.abs(left), at: now };
    const { subject, text } = reminderMail({
      roundTitle: round.title,
      orgName: named.orgName,
      deadlineAt,
      extended: extension ? { reason: extension.reason } : undefined,
      link: submissionLink(deps.webBaseUrl, roundId, orgId),
      step: reminderStep,
      now,
      closeAt: round.closeAt ? new Date(round.closeAt) : undefined,
      coordinatorName: isContribution(round, orgId) && round.coordinator ? orgName(round.coordinator) : undefined,
    });
    try {
      const { messageId } = await deps.mail.send({ to, subject, text, key: `reminder/${roundId}/${orgId}/${step}`, date: now });
      await deps.claims.markSent(claim, now, messageId, to).catch(() => undefined);
      result.sent.push({ ...named, to });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await deps.claims.markFailed(claim, now, error).catch(() => undefined);
      result.failed.push({ ...named, error: 'E-mailen kunne ikke afleveres. Prøv igen senere.' });
    }
  }

  await deps.claims.appendAudit({
    at: now.toISOString(),
    id: deps.newId(),
    ...actorOf(who),
    action: 'round.remind-now',
    subject: `round/${roundId}`,
    roundId,
    detail: {
      step,
      sent: result.sent.map((o) => o.orgId),
      alreadySent: result.alreadySent.map((o) => o.orgId),
      submitted: result.submitted.map((o) => o.orgId),
      noContacts: result.noContacts.map((o) => o.orgId),
      failed: result.failed.map((o) => o.orgId),
    },
  });
  return result;
}
