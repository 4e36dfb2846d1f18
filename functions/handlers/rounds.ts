// Reporting rounds: SST opens them; everyone sees the ones they take part in.
import { idempotent } from '#http/idempotency';
import { createAreaHandler } from '#http/area';
import { ROUNDS_ROUTES } from '#functions/routes/rounds';
import { getDeps } from '#functions/composition';
import { createRound, getVisibleRound, listRounds, switchFormVersion, updateRound } from '#core/rounds-service';
import { withPhase } from '#core/rounds';

export const handler = createAreaHandler(ROUNDS_ROUTES, {
  listRounds: async ({ identity }) => ({ body: { items: await listRounds(getDeps(), identity) } }),
  createRound: async ({ identity, body }) => {
    const round = await createRound(getDeps(), identity, body);
    return { status: 201, body: round, headers: { location: `/rounds/${round.roundId}` } };
  },
  updateRound: async ({ identity, params, body }) => ({ body: await updateRound(getDeps(), identity, params.roundId, body) }),
  switchFormVersion: async ({ identity, params, body }) => ({
    body: await switchFormVersion(getDeps(), identity, params.roundId, body.version),
  }),
  getRound: async ({ identity, params }) => {
    const deps = getDeps();
    return { body: withPhase(await getVisibleRound(deps, identity, params.roundId), deps.clock.now()) };
  },
}, { idempotency: idempotent });
