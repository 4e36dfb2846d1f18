// Forms: listing, reading and publishing immutable versions of JSON-Schema forms.
import { Problem } from '#core/problems';
import { checkFormSchema } from '#core/form-validation';
import { diffSchemas } from '#core/schema-fields';
import { type CoreDeps, type FormManifest, type FormVersionRecord, WriteConflict } from '#core/ports';
import { actorOf, type Identity } from '#core/identity';
import type { JsonObject, Plan, RespondentKind } from '#schemas/api';

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

/** Publishes the next version of a form (creating the form on its first version). */
export async function publishFormVersion(deps: CoreDeps, who: Identity, formId: string, input: PublishInput): Promise<FormVersionRecord> {
  const reasons = checkFormSchema(input.schema);
  if (reasons.length > 0) {
    throw new Problem('invalid-form-schema', reasons.join(' '), {
      errors: reasons.map((message) => ({ pointer: '/schema', message })),
    });
  }
  const existing = await deps.forms.getForm(formId);
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
  const now = deps.clock.now().toISOString();
  const version: FormVersionRecord = {
    formId,
    version: (existing?.latestVersion ?? 0) + 1,
    publishedAt: now,
    publishedBy: who.name,
    schema: input.schema,
    ...(previous ? { changes: diffSchemas(previous.schema, input.schema) } : {}),
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
