// Rounds: SST opens them; reporters see the ones their organisation answers.
import { Problem } from '#core/problems';
import { buildRound, roundPhase, withPhase, type RoundRecord } from '#core/rounds';
import { reminderSchedule, withPolicyDefaults } from '#core/reminders';
import { formatDanishDateTime } from '#core/danish-time';
import { maySeeRound } from '#core/policy';
import { getFormOr404, getVersionOr404 } from '#core/forms-service';
import { type CoreDeps, WriteConflict } from '#core/ports';
import { actorOf, type Identity } from '#core/identity';
import type { CreateRoundRequest, Round, UpdateRoundRequest } from '#schemas/api';

export async function listRounds(deps: Pick<CoreDeps, 'rounds' | 'clock'>, who: Identity): Promise<Round[]> {
  const now = deps.clock.now();
  return (await deps.rounds.list()).filter((r) => maySeeRound(who, r)).map((r) => withPhase(r, now));
}

/** A round the caller may see; to a reporter whose organisation is not a respondent it does not exist. */
export async function getVisibleRound(deps: Pick<CoreDeps, 'rounds'>, who: Identity, roundId: string): Promise<RoundRecord> {
  const round = await deps.rounds.get(roundId);
  if (!round || !maySeeRound(who, round)) throw new Problem('not-found', `Indberetningsrunden "${roundId}" findes ikke.`);
  return round;
}

export async function createRound(deps: CoreDeps, who: Identity, request: CreateRoundRequest): Promise<Round> {
  const form = await getFormOr404(deps, request.formId);
  const version = request.formVersion ?? form.latestVersion;
  await getVersionOr404(deps, request.formId, version);
  const now = deps.clock.now();
  const round = buildRound({
    request,
    formTitle: form.title,
    formVersion: version,
    respondentKind: form.respondentKind,
    reminderPolicy: request.reminderPolicy && withPolicyDefaults(request.reminderPolicy),
    now,
    createdBy: who.name,
  });
  reminderSchedule(round);
  try {
    await deps.rounds.create(round, {
      at: now.toISOString(),
      id: deps.newId(),
      ...actorOf(who),
      action: 'round.create',
      subject: `round/${round.roundId}`,
      roundId: round.roundId,
      detail: { formId: round.formId, formVersion: round.formVersion, deadline: round.deadline, respondents: round.respondents.length, mode: round.mode, ...(round.coordinator ? { coordinator: round.coordinator } : {}) },
    });
  } catch (err) {
    if (err instanceof WriteConflict) {
      // Named by its title, as SST knows it: one round per form and year.
      const existing = await deps.rounds.get(round.roundId);
      throw new Problem('already-exists', `Der findes allerede en runde for ${form.title} ${round.period}: "${existing?.title ?? round.title}". Ret den i stedet, eller vælg et andet år.`);
    }
    throw err;
  }
  return withPhase(round, now);
}

/**
 * Changes a round before it opens: its form version, title, period, dates, respondents, mode and
 * reminder policy, as `POST /rounds` would set them (the id and the form stay). A field left out
 * takes its default as in `POST /rounds`, except the form version, which stays the round's.
 * Once the round has opened, reporters may have started and the round can no longer be changed
 * this way (a deadline is then moved per organisation with an extension, the policy with its
 * own route). The write is conditional on the round as read and on it not having opened.
 */
export async function updateRound(deps: CoreDeps, who: Identity, roundId: string, request: UpdateRoundRequest): Promise<Round> {
  const before = await getVisibleRound(deps, who, roundId);
  const now = deps.clock.now();
  if (roundPhase(before, now) !== 'scheduled') {
    throw new Problem(
      'invalid-transition',
      `Runden åbnede ${formatDanishDateTime(new Date(before.opensAt))} og kan ikke længere ændres her. Giv i stedet en organisation en forlænget frist, eller ret påmindelserne.`,
    );
  }
  const form = await getFormOr404(deps, before.formId);
  const version = request.formVersion ?? before.formVersion;
  await getVersionOr404(deps, before.formId, version);
  const built = buildRound({
    request: { ...request, roundId, formId: before.formId },
    formTitle: form.title,
    formVersion: version,
    respondentKind: form.respondentKind,
    reminderPolicy: request.reminderPolicy && withPolicyDefaults(request.reminderPolicy),
    now,
    createdBy: before.createdBy,
  });
  reminderSchedule(built);
  const round: RoundRecord = { ...built, createdAt: before.createdAt, updatedAt: now.toISOString(), updatedBy: who.name };
  const changed = (Object.keys(round) as (keyof RoundRecord)[]).filter(
    (k) => k !== 'updatedAt' && k !== 'updatedBy' && JSON.stringify(round[k]) !== JSON.stringify(before[k]),
  );
  for (const k of Object.keys(before) as (keyof RoundRecord)[]) if (!(k in round) && !changed.includes(k)) changed.push(k);
  try {
    await deps.rounds.replace(round, { opensAt: before.opensAt, updatedAt: before.updatedAt }, now.toISOString(), {
      at: now.toISOString(),
      id: deps.newId(),
      ...actorOf(who),
      action: 'round.update',
      subject: `round/${roundId}`,
      roundId,
      detail: { changed, opensAt: round.opensAt, deadline: round.deadline, respondents: round.respondents.length, mode: round.mode },
    });
  } catch (err) {
    if (!(err instanceof WriteConflict)) throw err;
    throw new Problem('edit-conflict', 'Runden er ændret af en anden i mellemtiden, eller den er åbnet. Hent den igen.');
  }
  return withPhase(round, now);
}

/**
 * Moves a round to another version of its form. Allowed only until the first report is
 * submitted: after that, reports in one round must all answer the same questions. The first
 * submit locks the round in its own transaction (`formVersionLockedAt`), and this write is
 * conditional on no lock and on the version read here, so a switch and a submit in flight
 * serialize: either the switch lands first and the submit is checked again against the new
 * version, or the submit lands first and the switch is refused.
 */
export async function switchFormVersion(deps: CoreDeps, who: Identity, roundId: string, version: number): Promise<Round> {
  const round = await getVisibleRound(deps, who, roundId);
  await getVersionOr404(deps, round.formId, version);
  if (version === round.formVersion) return withPhase(round, deps.clock.now());
  const locked = () => new Problem('invalid-transition', 'Runden kan ikke skifte skemaversion, efter at den første indberetning er indsendt.');
  // Heads are read too: rounds whose first report was submitted before the lock existed have none.
  const heads = await deps.submissions.listHeads(roundId);
  if (round.formVersionLockedAt || heads.some((h) => h.submittedAt)) throw locked();
  const now = deps.clock.now();
  try {
    await deps.rounds.switchFormVersion(roundId, round.formVersion, version, {
      at: now.toISOString(),
      id: deps.newId(),
      ...actorOf(who),
      action: 'round.form-version',
      subject: `round/${roundId}`,
      roundId,
      detail: { from: round.formVersion, to: version, drafts: heads.length },
    });
  } catch (err) {
    if (!(err instanceof WriteConflict)) throw err;
    if ((await deps.rounds.get(roundId))?.formVersionLockedAt) throw locked();
    throw new Problem('edit-conflict', 'Runden er ændret af en anden i mellemtiden. Hent den igen.');
  }
  return withPhase({ ...round, formVersion: version }, now);
}
