import { describe, expect, it } from 'vitest';
import { draftSchema, fieldWarnings, validateAnswers } from '#core/form-validation';

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
    expect(validateAnswers('kw@1', schema, { format: -1 }, 'draft')).toEqual([]);
    expect(validateAnswers('kw@1', schema, { format: -1 }, 'full')).toContainEqual({ pointer: '/format', message: 'Skal være mindst 0.' });
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

const limits = {
  type: 'object',
  additionalProperties: false,
  required: ['navn', 'status'],
  properties: {
    navn: { type: 'string', minLength: 1, maxLength: 5 },
    kode: { type: 'string', minLength: 3, pattern: '^[0-9]+$' },
    email: { type: 'string', format: 'email' },
    andel: { type: 'number', minimum: 0, maximum: 100, multipleOf: 0.5 },
    antal: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10000 },
    status: { type: 'string', oneOf: [{ const: 'igangsat', title: 'Igangsat' }, { const: 'afsluttet', title: 'Afsluttet' }] },
    valg: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1, maxItems: 1, uniqueItems: true },
    flere: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3 },
    initiativer: {
      type: 'array',
      'x-item-key': 'initiativ',
      items: {
        type: 'object',
        required: ['initiativ'],
        properties: {
          initiativ: { type: 'string', oneOf: [{ const: 'x', title: 'X' }, { const: 'y', title: 'Y' }, { const: 'z', title: 'Z' }] },
          indikatorer: {
            type: 'array',
            'x-item-key': 'indikator',
            items: { type: 'object', properties: { indikator: { type: 'string' }, vaerdi: { type: 'number' } } },
          },
        },
      },
    },
  },
};

describe('a draft is held to types and choices only', () => {
  const outOfBounds = {
    navn: 'Alt for langt navn',
    kode: '1x',
    email: 'lars@',
    andel: 100.25,
    antal: 0,
    valg: ['a', 'a'],
    flere: ['1', '2', '3', '4'],
  };

  it('saves ranges, multiples, lengths, item counts, uniqueness, formats, patterns and missing fields', () => {
    expect(validateAnswers('lim@1', limits, outOfBounds, 'draft')).toEqual([]);
    expect(validateAnswers('lim@1', limits, {}, 'draft')).toEqual([]);
  });

  it('still refuses a wrong type, an unknown choice and an unknown field', () => {
    expect(validateAnswers('lim@1', limits, { andel: 'halvdelen', status: 'måske', valg: ['c'], ukendt: 1 }, 'draft')).toEqual([
      { pointer: '/ukendt', message: 'Feltet findes ikke i skemaet.' },
      { pointer: '/andel', message: 'Skal være et tal.' },
      { pointer: '/status', message: 'Vælg en af de mulige værdier.' },
      { pointer: '/valg/0', message: 'Vælg en af de mulige værdier.' },
    ]);
  });

  it('checks all of them at submit, in Danish with Danish numbers and agreeing nouns', () => {
    const errors = validateAnswers('lim@1', limits, outOfBounds, 'full');
    expect(errors).toEqual(
      expect.arrayContaining([
        { pointer: '/status', message: 'Skal udfyldes.' },
        { pointer: '/navn', message: 'Må højst være 5 tegn.' },
        { pointer: '/kode', message: 'Skal være mindst 3 tegn.' },
        { pointer: '/kode', message: 'Har ikke det rigtige format.' },
        { pointer: '/email', message: 'Skal være en gyldig e-mailadresse.' },
        { pointer: '/andel', message: 'Må højst være 100.' },
        { pointer: '/andel', message: 'Skal være et multiplum af 0,5.' },
        { pointer: '/antal', message: 'Skal være større end 0.' },
        { pointer: '/valg', message: 'Må højst have 1 element.' },
        { pointer: '/valg', message: 'Må ikke indeholde det samme to gange.' },
        { pointer: '/flere', message: 'Må højst have 3 elementer.' },
      ]),
    );
    expect(validateAnswers('lim@1', limits, { navn: 'A', status: 'igangsat', antal: 10000 }, 'full')).toEqual([
      { pointer: '/antal', message: 'Skal være mindre end 10.000.' },
    ]);
    expect(validateAnswers('lim@1', limits, { navn: 'A', status: 'igangsat', valg: [], flere: ['1'] }, 'full')).toEqual([
      { pointer: '/valg', message: 'Skal have mindst 1 element.' },
      { pointer: '/flere', message: 'Skal have mindst 2 elementer.' },
    ]);
  });

  it('calls an empty text that must be filled in "Skal udfyldes."', () => {
    expect(validateAnswers('lim@1', limits, { navn: '', status: 'igangsat' }, 'full')).toEqual([{ pointer: '/navn', message: 'Skal udfyldes.' }]);
  });
});

describe('x-item-key at submit', () => {
  it('refuses the same key twice in one list, at the repeat, naming the first item (1-based)', () => {
    const answers = {
      navn: 'A',
      status: 'igangsat',
      initiativer: [
        { initiativ: 'x' },
        { initiativ: 'y', indikatorer: [{ indikator: 'i1' }, { indikator: 'i2' }, { indikator: 'i1' }] },
        { initiativ: 'x' },
        { initiativ: 'z', indikatorer: [{ indikator: 'i1' }] },
      ],
    };
    expect(validateAnswers('lim@1', limits, answers, 'full')).toEqual([
      { pointer: '/initiativer/1/indikatorer/2/indikator', message: 'Er allerede valgt i punkt 1.' },
      { pointer: '/initiativer/2/initiativ', message: 'Er allerede valgt i punkt 1.' },
    ]);
    // A draft may hold it for a while (two people picking at once); the form warns.
    expect(validateAnswers('lim@1', limits, answers, 'draft')).toEqual([]);
  });

  it('ignores items whose key is not chosen yet', () => {
    const answers = { navn: 'A', status: 'igangsat', initiativer: [{}, { initiativ: '' }, {}] };
    expect(validateAnswers('lim@1', limits, answers, 'full').filter((e) => e.message.startsWith('Er allerede'))).toEqual([]);
  });
});

describe('fieldWarnings', () => {
  it('shows at a field what submit would refuse that a draft does not, without what is merely missing', () => {
    const answers = { navn: '', kode: '1x', andel: 100.25, flere: [], initiativer: [{ initiativ: 'x' }, { initiativ: 'x' }] };
    expect(fieldWarnings('lim@1', limits, answers)).toEqual([
      { pointer: '/kode', message: 'Skal være mindst 3 tegn.' },
      { pointer: '/kode', message: 'Har ikke det rigtige format.' },
      { pointer: '/andel', message: 'Må højst være 100.' },
      { pointer: '/andel', message: 'Skal være et multiplum af 0,5.' },
      { pointer: '/initiativer/1/initiativ', message: 'Er allerede valgt i punkt 1.' },
    ]);
  });

  it('has nothing to say about a valid or an empty form, nor about wrong types (the draft refuses those)', () => {
    expect(fieldWarnings('lim@1', limits, {})).toEqual([]);
    expect(fieldWarnings('lim@1', limits, { navn: 'A', status: 'igangsat' })).toEqual([]);
    expect(fieldWarnings('lim@1', limits, { andel: 'meget' })).toEqual([]);
  });
});
