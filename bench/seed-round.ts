// The round both the function bench and the browser bench measure against: the municipal form,
// open since yesterday for 30 days, in the engines `startEngines()` has started and pointed the
// environment at. Imported after the engines are up, so the storage configuration is theirs.
import { ulid } from 'ulid';
import type { CoreDeps } from '#core/ports';

export async function seedBenchRound(prefix: string): Promise<{ deps: CoreDeps; roundId: string }> {
  const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
  const { seedForms } = await import('../local/seed.ts');
  const { createRound } = await import('#core/rounds-service');
  const { sstIdentity } = await import('#core/identity');
  const { addDanishDays } = await import('#core/danish-time');
  const deps = buildDeps(storageConfigFromEnv());
  await seedForms(deps);
  const now = new Date();
  const round = await createRound(deps, sstIdentity('bench', 'sst-admin'), {
    roundId: `${prefix}-${ulid().toLowerCase()}`,
    formId: 'kraeftplan-v-kommunal',
    period: '2026',
    opensAt: addDanishDays(now, -1).toISOString(),
    deadline: addDanishDays(now, 30).toISOString(),
    respondentsAt: '2026-06-01',
  });
  return { deps, roundId: round.roundId };
}
