import { describe, expect, it } from 'vitest';
import { carryForward } from '#core/carry-forward';

const v2 = {
  type: 'object',
  properties: {
    kontakt: { type: 'object', properties: { navn: { type: 'string' } } },
    status: { type: 'string', oneOf: [{ const: 'igangsat', title: 'Igangsat' }, { const: 'implementeret', title: 'Implementeret' }] },
    initiativer: {
      type: 'array',
      items: { type: 'object', properties: { initiativ: { type: 'string' }, fremdrift: { type: 'integer' } } },
    },
  },
};

describe('carry-forward across form versions', () => {
  it('keeps fields the new version still has and reports every one it drops', () => {
    const previous = {
      kontakt: { navn: 'Søren', telefon: '12345678' },
      status: 'planlagt',
      initiativer: [{ initiativ: 'a', fremdrift: 50, gammelt_felt: 'x' }, { initiativ: 'b', fremdrift: 'meget' }],
      fjernet_sektion: { tekst: 'æøå' },
    };
    const { answers, dropped } = carryForward(previous, 'cf-test@2', v2);
    expect(answers).toEqual({ kontakt: { navn: 'Søren' }, initiativer: [{ initiativ: 'a', fremdrift: 50 }, { initiativ: 'b' }] });
    expect(dropped).toEqual(
      expect.arrayContaining([
        { pointer: '/kontakt/telefon', reason: 'not-in-form', value: '12345678' },
        { pointer: '/initiativer/0/gammelt_felt', reason: 'not-in-form', value: 'x' },
        { pointer: '/fjernet_sektion', reason: 'not-in-form', value: { tekst: 'æøå' } },
        { pointer: '/status', reason: 'invalid', value: 'planlagt' },
        { pointer: '/initiativer/1/fremdrift', reason: 'invalid', value: 'meget' },
      ]),
    );
    expect(dropped).toHaveLength(5);
  });

  it('does not change the previous answers it was given', () => {
    const previous = { kontakt: { navn: 'A', x: 1 } };
    carryForward(previous, 'cf-test@2', v2);
    expect(previous).toEqual({ kontakt: { navn: 'A', x: 1 } });
  });
});
