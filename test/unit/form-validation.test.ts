import { describe, expect, it } from 'vitest';
import { draftSchema, validateAnswers } from '#core/form-validation';

const schema = {
  type: 'object',
  required: ['kontakt'],
  properties: {
    kontakt: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email' }, telefon: { type: 'string', pattern: '^[0-9 +]+$' } },
    },
    // Fields whose names are also JSON Schema keywords.
    format: { type: 'integer', minimum: 0, 'x-summary': 'number' },
    required: { type: 'string', 'x-summary': 'text' },
  },
};

describe('draft and full validation', () => {
  it('keeps fields whose names are keywords when it relaxes a draft', () => {
    const draft = draftSchema(schema) as { properties: Record<string, unknown>; required?: unknown };
    expect(Object.keys(draft.properties)).toEqual(['kontakt', 'format', 'required']);
    expect(draft.required).toBeUndefined();
    expect(validateAnswers('kw@1', schema, { format: 'tre' }, 'draft')).toEqual([{ pointer: '/format', message: 'Skal være et helt tal.' }]);
    expect(validateAnswers('kw@1', schema, { format: -1 }, 'draft')).toEqual([{ pointer: '/format', message: 'Skal være mindst 0.' }]);
  });

  it('saves a half-typed e-mail address in a draft and refuses it at submit', () => {
    const answers = { kontakt: { email: 'lars.bach@', telefon: '12 34' } };
    expect(validateAnswers('kw@1', schema, answers, 'draft')).toEqual([]);
    expect(validateAnswers('kw@1', schema, answers, 'full')).toEqual([{ pointer: '/kontakt/email', message: 'Skal være en gyldig e-mailadresse.' }]);
    expect(validateAnswers('kw@1', schema, { kontakt: { email: 'a@b.dk', telefon: 'ring' } }, 'full')).toEqual([
      { pointer: '/kontakt/telefon', message: 'Har ikke det rigtige format.' },
    ]);
  });

  it('points a missing required field at the field itself', () => {
    expect(validateAnswers('kw@1', schema, { kontakt: {} }, 'full')).toEqual([{ pointer: '/kontakt/email', message: 'Skal udfyldes.' }]);
  });
});
