// Region Østdanmark's first report in the browser, as its staff meet it in February 2027: the
// form offers to start from Region Hovedstaden's or Region Sjælland's accepted answers, or from
// both combined; chosen by keyboard, the combined start brings each initiative once with each
// text headed by the region it comes from.
//
// Østdanmark exists from 2027-01-01, so the test process (which runs the local server and signs
// its tokens) reads a February 2027 clock; only Date is faked, timers run for real. The engines
// are separate processes and never see that clock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import type { Page } from 'playwright-core';
import { exampleAnswers, FORMS_DIR } from '../../local/seed.ts';
import { publishFormVersion } from '#core/forms-service';
import { sstIdentity } from '#core/identity';
import type { JsonObject, Round } from '#schemas/api';
import { screenshot, seriousViolations, signIn, startWebStack, type WebStack } from './support.ts';

const OEST = 'region-oestdanmark';
const TEXT = { 'region-1084': 'Palliativt team i hver hospitalsklynge.', 'region-1085': 'Udgående palliativ indsats fra Slagelse.' } as const;
let stack: WebStack;
let thisYear: Round;
let formId: string;

async function seedAccepted(round: Round, orgId: keyof typeof TEXT) {
  const answers = exampleAnswers('kraeftplan-v-regional');
  const items = answers['initiativer'] as Record<string, unknown>[];
  items[0]!['beskrivelse'] = TEXT[orgId];
  const { submissions } = stack.api.deps;
  const at = '2026-03-20T10:00:00.000Z';
  const contentKey = await submissions.putContent(round.roundId, orgId, 1, answers);
  await submissions.commit({
    head: { roundId: round.roundId, orgId, status: 'accepted', revision: 1, etag: '1-seeded', contentKey, updatedAt: at, updatedBy: 'SST', submittedAt: at, late: false },
    expectedEtag: undefined,
    revision: { roundId: round.roundId, orgId, revision: 1, action: 'accept', status: 'accepted', savedAt: at, savedBy: 'SST', contentKey },
    event: { at, id: ulid(), actor: 'SST', actorOrgId: 'sst', action: 'submission.accept', subject: `round/${round.roundId}/submission/${orgId}` },
  });
}

describe("Region Østdanmark's first report in the browser", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-01T09:00:00.000Z'), shouldAdvanceTime: true });
    stack = await startWebStack();
    // Its own copy of the regional form, so no other suite's rounds are "last year" for it.
    formId = `succ-${ulid().toLowerCase().slice(-10)}`;
    const schema = JSON.parse(readFileSync(path.join(FORMS_DIR, 'kraeftplan-v-regional', 'v1.schema.json'), 'utf8')) as JsonObject;
    await publishFormVersion(stack.api.deps, sstIdentity('successor-test', 'sst-admin'), formId, {
      title: 'Regional status (prøve)',
      description: 'Prøveskema til overgangen til Region Østdanmark',
      respondentKind: 'region',
      plan: 'kraeftplan-v',
      schema,
    });
    const lastYear = await stack.api.round(formId, { period: '2026', opensAt: '2026-01-01', deadline: '2026-03-31', respondentsAt: '2026-06-01' });
    await seedAccepted(lastYear, 'region-1084');
    await seedAccepted(lastYear, 'region-1085');
    thisYear = await stack.api.round(formId, { title: `Status 2027 ${ulid().slice(-5)}`, period: '2027', deadline: '2027-03-31', respondentsAt: '2027-06-01' });
    expect(thisYear.respondents).toContain(OEST);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    vi.useRealTimers();
  });

  async function open(width: number): Promise<Page> {
    const ctx = await stack.browser.newContext({ locale: 'da-DK', viewport: { width, height: 900 } });
    ctx.setDefaultTimeout(20_000);
    const page = await ctx.newPage();
    await signIn(page, stack.api.url, 'reporter', OEST);
    await page.goto(`${stack.api.url}/#/runder/${thisYear.roundId}/${OEST}`);
    await page.getByRole('group', { name: 'Hvilke godkendte svar vil I starte fra?' }).waitFor();
    return page;
  }

  it('offers both predecessors and both combined, chosen by keyboard, and starts from both with each origin named', async () => {
    const page = await open(1280);
    const group = page.getByRole('group', { name: 'Hvilke godkendte svar vil I starte fra?' });
    const radios = group.getByRole('radio');
    expect(await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      'Alle forgængeres svar samlet: hvert initiativ én gang, og hver tekst med den forgænger, den kommer fra',
      'Region Hovedstadens svar',
      'Region Sjællands svar',
      'Jeres egne godkendte svar fra sidste år',
    ]);
    await expect.poll(() => group.getByRole('radio', { name: /^Alle forgængeres/ }).isChecked()).toBe(true);
    await screenshot(page, 'successor-prefill-choice');
    expect(await seriousViolations(page, 'successor-prefill-choice')).toEqual([]);

    // Keyboard only: into the group, arrows move the choice, and back to "all".
    await group.getByRole('radio', { name: /^Alle forgængeres/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => group.getByRole('radio', { name: 'Region Hovedstadens svar' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => group.getByRole('radio', { name: /^Alle forgængeres/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Start fra de valgte svar');
    await page.keyboard.press('Enter');

    await page.getByText('Formularen er udfyldt med de godkendte svar fra Region Hovedstaden og Region Sjælland samlet.').waitFor();
    const saved = await stack.api.deps.submissions.getHead(thisYear.roundId, OEST);
    expect(saved?.status).toBe('draft');
    const answers = await stack.api.deps.submissions.readContent(saved!.contentKey);
    const first = (answers['initiativer'] as Record<string, unknown>[])[0]!;
    expect(first['beskrivelse']).toBe(`Region Hovedstaden: ${TEXT['region-1084']}\n\nRegion Sjælland: ${TEXT['region-1085']}`);
    // The person sees the same text in the form.
    await expect.poll(() => page.locator('textarea').evaluateAll((els, t) => els.some((e) => (e as HTMLTextAreaElement).value.includes(t)), TEXT['region-1085'])).toBe(true);
    await expect.poll(() => page.getByRole('group', { name: 'Hvilke godkendte svar vil I starte fra?' }).count()).toBe(0);
    await screenshot(page, 'successor-prefill-done');
    expect(await seriousViolations(page, 'successor-prefill-done')).toEqual([]);
    await page.context().close();
  });

  it('reflows at 320 px without sideways scrolling', async () => {
    const round = await stack.api.round(formId, { title: `Status 2027 smal ${ulid().slice(-5)}`, period: '2027', deadline: '2027-03-30', respondentsAt: '2027-06-01' });
    thisYear = round;
    const page = await open(320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'successor-prefill-320');
    expect(await seriousViolations(page, 'successor-prefill-320')).toEqual([]);
    await page.context().close();
  });
});
