// A fresh round for one test: open since yesterday, deadline in 30 days, a unique id, so no two
// tests ever share a round's keys.
import { ulid } from 'ulid';
import { createRound } from '#core/rounds-service';
import { sstIdentity } from '#core/identity';
import { addDanishDays } from '#core/danish-time';
import type { CoreDeps } from '#core/ports';
import type { CreateRoundRequest, Round } from '#schemas/api';

export function openTestRound(deps: CoreDeps, formId: string, prefix: string, overrides: Partial<CreateRoundRequest> = {}): Promise<Round> {
  const now = new Date();
  return createRound(deps, sstIdentity('test', 'sst-admin', 'Test'), {
    roundId: `${prefix}-${formId.slice(0, 20)}-${ulid().toLowerCase()}`,
    formId,
    period: '2026',
    opensAt: addDanishDays(now, -1).toISOString(),
    deadline: addDanishDays(now, 30).toISOString(),
    respondentsAt: '2026-06-01',
    ...overrides,
  });
}
