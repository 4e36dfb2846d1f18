// The validation engine under functions/core/form-validation.ts: Ajv (draft 2020-12) with the
// formats, the `x-` annotation vocabulary and RE2JS for `pattern`s, configured in one place.
// A module of its own because it is most of validation's weight (Ajv, ajv-formats and re2js,
// about 290 KB minified): the Lambda build writes it to a file of its own that the function reads
// on the first request that validates (a save, a submit, a publish), never at cold start
// (infra/bundling.ts LAZY_MODULES). The web app and the local stack import it as any module.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import { RE2JS } from 're2js';
import annotations from '../../forms/annotations.json' with { type: 'json' };

export type { Ajv2020 };
export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

// ajv-formats ships CommonJS; under ESM its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

/**
 * Ajv's regex hook: ECMAScript syntax translated to RE2's, matched in linear time. `test` finds
 * a match anywhere in the input, as RegExp.prototype.test does. Throws on syntax RE2 has no
 * linear-time way to run (back-references, look-arounds), which fails the schema's compilation.
 */
const linearRegExp: RegExpEngine = Object.assign((pattern: string) => RE2JS.compile(RE2JS.translateRegExp(pattern)), {
  code: 'RE2JS (linear-time; not for standalone code)',
});

export function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    code: { regExp: linearRegExp },
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    addUsedSchema: false,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addVocabulary(annotations as string[]);
  return ajv;
}
