// Rounds: SST opens them; reporters see the ones their organisation answers.
import { Problem } from '#core/problems';
import { buildRound, withPhase, type RoundRecord } from '#core/rounds';
import { maySeeRound } from '#core/policy';
import { getFormOr404, getVersionOr404 } from '#core/forms-service';
import { type CoreDeps, WriteConflict } from '#core/ports';
import type { Identity } from '#core/identity';
import type { CreateRoundRequest, Round } from '#schemas/api';

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
    now,
    createdBy: who.name,
  });
  try {
    await deps.rounds.create(round, {
      at: now.toISOString(),
      id: deps.newId(),
      actor: who.name,
      actorOrgId: who.orgId,
      action: 'round.create',
      subject: `round/${round.roundId}`,
      roundId: round.roundId,
      detail: { formId: round.formId, formVersion: round.formVersion, deadline: round.deadline, respondents: round.respondents.length },
    });
  } catch (err) {
    if (err instanceof WriteConflict) throw new Problem('already-exists', `Indberetningsrunden "${round.roundId}" findes allerede.`);
    throw err;
  }
  return withPhase(round, now);
}
