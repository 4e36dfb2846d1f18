// Forms: listing, reading and publishing immutable versions of JSON-Schema forms.
import { Problem } from '#core/problems';
import { diffSchemas } from '#core/schema-fields';
import { NotExpressible, SheetError, describeProblem, sameJson, schemaToSheet, sheetToSchema, type FormSheet, type SheetProblem } from '#core/form-sheet';
import { withSummaryAnnotations } from '#core/summary/overlay';
import { withPhase } from '#core/rounds';
import { type CoreDeps, type FormManifest, type FormVersionRecord, WriteConflict } from '#core/ports';
import { actorOf, type Identity } from '#core/identity';
import type { FormVersionPreview, JsonObject, Plan, RespondentKind } from '#schemas/api';

export async function getFormOr404(deps: Pick<CoreDeps, 'forms'>, formId: string) {
  const form = await deps.forms.getForm(formId);
  if (!form) throw new Problem('not-found', `Skemaet "${formId}" findes ikke.`);
  return form;
}

export async function getVersionOr404(deps: Pick<CoreDeps, 'forms'>, formId: string, version: number) {
  const v = await deps.forms.getVersion(formId, version);
  if (!v) throw new Problem('not-found', `Skemaet "${formId}" har ingen version ${version}.`);
  return v;
}

/**
 * A version as the sheet SST starts its next version from. It carries the summary annotations the
 * version's summaries use: for a version published before `x-better`/`x-aggregate` existed, those
 * of forms/summary-overlay.json, so the next version, published from this sheet, states them
 * inline instead of silently falling back to the defaults (higher is better, sum).
 */
export async function versionSheet(deps: Pick<CoreDeps, 'forms'>, formId: string, version: number): Promise<FormSheet> {
  const v = await getVersionOr404(deps, formId, version);
  const form = await getFormOr404(deps, formId);
  try {
    return schemaToSheet(withSummaryAnnotations(formId, version, v.schema), { formId, version, respondentKind: form.respondentKind, plan: form.plan });
  } catch (err) {
    if (err instanceof NotExpressible) {
      throw new Problem('sheet-not-possible', `Version ${version} af skemaet bruger noget, et regneark ikke kan udtrykke (${err.reasons[0]?.pointer || '/'}). Hent den som JSON i stedet.`);
    }
    throw err;
  }
}

export async function getFormDetail(deps: Pick<CoreDeps, 'forms'>, formId: string) {
  const form = await getFormOr404(deps, formId);
  const latest = await getVersionOr404(deps, formId, form.latestVersion);
  return { ...form, schema: latest.schema };
}

export interface PublishInput {
  schema: JsonObject;
  title?: string | undefined;
  description?: string | undefined;
  respondentKind?: RespondentKind | undefined;
  plan?: Plan | undefined;
}

/** A new version given as a form sheet (functions/core/form-sheet.ts), converted here with the number it gets. */
export interface SheetInput {
  sheet: Partial<FormSheet>;
}

/** The sheet's problems as a 422 whose every error names sheet, row and column. */
export function sheetProblem(problems: SheetProblem[]): Problem {
  return new Problem('invalid-form-sheet', problems.length === 1 ? describeProblem(problems[0]!) : `Regnearket har ${problems.length} fejl. Ret dem, og prøv igen.`, {
    errors: problems.map((p) => ({
      pointer: `/${p.sheet}${p.row ? `/${p.row}` : ''}${p.column ? `/${p.column.replace(/~/g, '~0').replace(/\//g, '~1')}` : ''}`,
      message: describeProblem(p),
      sheet: p.sheet,
      ...(p.row ? { row: p.row } : {}),
      ...(p.column ? { column: p.column } : {}),
    })),
  });
}

interface Prepared {
  manifest: FormManifest;
  existing: FormManifest | undefined;
  previous: FormVersionRecord | undefined;
  version: number;
  schema: JsonObject;
  /** Nothing would change: the schema (its `$id` aside) and the form's settings equal the latest version's. */
  unchanged: boolean;
}

/**
 * Whether a new version would be the latest one again. The latest version is taken as its sheet
 * downloads, with the summary annotations of forms/summary-overlay.json laid over it, so that
 * uploading the downloaded sheet of a shipped version unchanged counts as unchanged.
 */
function isUnchanged(formId: string, existing: FormManifest, previous: FormVersionRecord, manifest: FormManifest, schema: JsonObject): boolean {
  const strip = ({ $id: _id, $schema: _dialect, ...rest }: Record<string, unknown>) => rest;
  const before = withSummaryAnnotations(formId, previous.version, previous.schema);
  const settings = (m: FormManifest) => [m.title, m.description, m.respondentKind, m.plan];
  return sameJson(strip(before), strip(schema), '') === undefined && sameJson(settings(existing), settings(manifest), '') === undefined;
}

/** Everything publishing checks and computes before it writes: shared by publish and preview. */
async function prepare(deps: CoreDeps, formId: string, given: PublishInput | SheetInput): Promise<Prepared> {
  const existing = await deps.forms.getForm(formId);
  const version = (existing?.latestVersion ?? 0) + 1;
  let input: PublishInput;
  if ('sheet' in given) {
    try {
      const { schema, settings } = sheetToSchema(given.sheet, { formId, version });
      input = { schema, respondentKind: settings.respondentKind, plan: settings.plan };
      if (!existing && (!settings.respondentKind || !settings.plan)) {
        throw sheetProblem([
          ...(settings.respondentKind ? [] : [{ sheet: 'settings' as const, row: 2, column: 'respondents', message: 'Et nyt skema skal angive, hvem der besvarer det: »regioner« eller »kommuner«.' }]),
          ...(settings.plan ? [] : [{ sheet: 'settings' as const, row: 2, column: 'plan', message: 'Et nyt skema skal angive sin plan: »kraeftplan-v« eller »psykiatriplan«.' }]),
        ]);
      }
    } catch (err) {
      if (err instanceof SheetError) throw sheetProblem(err.problems);
      throw err;
    }
  } else input = given;
  // Imported on first use, as in submissions-service: reads never load the validation engine.
  const { checkFormSchema } = await import('#core/form-validation');
  const reasons = checkFormSchema(input.schema);
  if (reasons.length > 0) {
    throw new Problem('invalid-form-schema', reasons.join(' '), {
      errors: reasons.map((message) => ({ pointer: '/schema', message })),
    });
  }
  const schemaTitle = typeof input.schema['title'] === 'string' ? input.schema['title'] : undefined;
  const schemaDescription = typeof input.schema['description'] === 'string' ? input.schema['description'] : undefined;
  const manifest: FormManifest = {
    formId,
    title: input.title ?? existing?.title ?? schemaTitle ?? formId,
    description: input.description ?? existing?.description ?? schemaDescription ?? '',
    respondentKind: (input.respondentKind ?? existing?.respondentKind)!,
    plan: (input.plan ?? existing?.plan)!,
  };
  if (!manifest.respondentKind || !manifest.plan) {
    throw new Problem('invalid-body', 'Et nyt skema skal angive respondentKind og plan.', {
      errors: [
        ...(manifest.respondentKind ? [] : [{ pointer: '/respondentKind', message: 'Skal udfyldes.' }]),
        ...(manifest.plan ? [] : [{ pointer: '/plan', message: 'Skal udfyldes.' }]),
      ],
    });
  }
  const previous = existing ? await deps.forms.getVersion(formId, existing.latestVersion) : undefined;
  const unchanged = Boolean(existing && previous && isUnchanged(formId, existing, previous, manifest, input.schema));
  return { manifest, existing, previous, version, schema: input.schema, unchanged };
}

/**
 * What publishing would do, without doing it: the schema (converted from the sheet), the number
 * it would get, the field changes against the latest version, and the form's rounds, which keep
 * their version (a round can be moved to the new one until its first report is submitted).
 */
export async function previewFormVersion(deps: CoreDeps, formId: string, given: PublishInput | SheetInput): Promise<FormVersionPreview> {
  const p = await prepare(deps, formId, given);
  const now = deps.clock.now();
  const rounds = (await deps.rounds.list())
    .filter((r) => r.formId === formId)
    .map((r) => withPhase(r, now))
    .sort((a, b) => b.opensAt.localeCompare(a.opensAt))
    .map((r) => ({ roundId: r.roundId, title: r.title, formVersion: r.formVersion, phase: r.phase, locked: Boolean(r.formVersionLockedAt) }));
  return {
    formId,
    version: p.version,
    schema: p.schema,
    title: p.manifest.title,
    ...(p.previous ? { currentVersion: p.previous.version } : {}),
    changes: p.previous ? diffSchemas(p.previous.schema, p.schema) : [],
    unchanged: p.unchanged,
    rounds,
  };
}

/** Publishes the next version of a form (creating the form on its first version). */
export async function publishFormVersion(deps: CoreDeps, who: Identity, formId: string, given: PublishInput | SheetInput): Promise<FormVersionRecord> {
  const { manifest, previous, version: number, schema, unchanged } = await prepare(deps, formId, given);
  // An identical version would only make rounds look as if they had a new form to move to.
  if (unchanged) throw new Problem('form-unchanged', `Der er ingen ændringer i forhold til version ${previous!.version}, så der er intet at udgive.`);
  const now = deps.clock.now().toISOString();
  const version: FormVersionRecord = {
    formId,
    version: number,
    publishedAt: now,
    publishedBy: who.name,
    schema,
    ...(previous ? { changes: diffSchemas(previous.schema, schema) } : {}),
  };
  try {
    await deps.forms.publishVersion(manifest, version, {
      at: now,
      id: deps.newId(),
      ...actorOf(who),
      action: 'form.publish',
      subject: `form/${formId}`,
      detail: { version: version.version, changes: version.changes?.length ?? 0 },
    });
  } catch (err) {
    if (err instanceof WriteConflict) {
      throw new Problem('already-exists', 'En anden har netop udgivet samme version af skemaet. Hent skemaet igen og prøv på ny.');
    }
    throw err;
  }
  return version;
}
