// How a number field reads what a Dane types, and the one message it gives when the text is no
// number it can hold: examples only where they fit the field's range, the field's own unit dropped.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numberAdvice, readDanishNumber, withNumberAdvice } from '../../web/src/schema-form.ts';

const regional = JSON.parse(readFileSync(new URL('../../forms/kraeftplan-v-regional/v1.schema.json', import.meta.url), 'utf8')) as Record<string, any>;
const percent = regional['properties']['initiativer']['items']['properties']['fremdrift'] as Record<string, unknown>;
const count = { type: 'integer', minimum: 0, maximum: 100000, 'x-unit': 'borgere' };

describe('Danish numbers in a number field', () => {
  it('reads thousands separated by a point or a space alike, and says so', () => {
    expect(readDanishNumber('1.234')).toEqual({ kind: 'number', value: 1234, reread: true });
    expect(readDanishNumber('1 234')).toEqual({ kind: 'number', value: 1234, reread: true });
    expect(readDanishNumber('1\u00a0234 567,5')).toEqual({ kind: 'number', value: 1234567.5, reread: true });
    expect(readDanishNumber('1234')).toEqual({ kind: 'number', value: 1234, reread: false });
    // A space that is no thousands separator is not quietly removed.
    expect(readDanishNumber('12 34').kind).toBe('invalid');
  });

  it("drops a trailing unit only when it is the field's own", () => {
    expect(readDanishNumber('50 %', '%')).toEqual({ kind: 'number', value: 50, reread: true });
    expect(readDanishNumber('50%', '%')).toEqual({ kind: 'number', value: 50, reread: true });
    expect(readDanishNumber('1.234 kr', 'kr.')).toEqual({ kind: 'number', value: 1234, reread: true });
    expect(readDanishNumber('1.234 Kr.', 'kr.')).toEqual({ kind: 'number', value: 1234, reread: true });
    expect(readDanishNumber('50 %', 'borgere').kind).toBe('invalid');
    expect(readDanishNumber('%', '%').kind).toBe('invalid');
  });

  it("gives an example only when it fits the field's range", () => {
    expect(numberAdvice(percent, 'notNumber')).toBe('Skriv et helt tal fra 0 til 100.');
    expect(numberAdvice(count, 'notNumber')).toBe('Skriv et helt tal fra 0 til 100.000, fx 1234.');
    expect(numberAdvice(count, 'decimalPoint')).toBe('Skriv et helt tal fra 0 til 100.000. Punktum bruges kun mellem tusinder, fx 1.234.');
    expect(numberAdvice(percent, 'decimalPoint')).toBe('Skriv et helt tal fra 0 til 100.');
    expect(numberAdvice({ type: 'number' }, 'notNumber')).toBe('Skriv et tal, fx 1234 eller 12,5.');
    expect(numberAdvice({ type: 'number' }, 'decimalPoint')).toBe('Brug komma som decimaltegn, fx 12,5. Punktum bruges kun mellem tusinder, fx 1.234.');
    expect(numberAdvice({ type: 'number', minimum: 0, maximum: 10 }, 'notNumber')).toBe('Skriv et tal fra 0 til 10.');
  });

  it("replaces the validator's generic message for text in a number field, and leaves other errors alone", () => {
    const answers = { initiativer: [{ fremdrift: 'abc', beskrivelse: 'x' }] };
    const errors = [
      { pointer: '/initiativer/0/fremdrift', message: 'Skal være et helt tal.' },
      { pointer: '/initiativer/0/status', message: 'Skal udfyldes.' },
    ];
    expect(withNumberAdvice(regional, answers, errors)).toEqual([
      { pointer: '/initiativer/0/fremdrift', message: 'Skriv et helt tal fra 0 til 100.' },
      { pointer: '/initiativer/0/status', message: 'Skal udfyldes.' },
    ]);
    expect(withNumberAdvice(regional, { initiativer: [{ fremdrift: 150 }] }, [{ pointer: '/initiativer/0/fremdrift', message: 'Skal være højst 100.' }])).toEqual([
      { pointer: '/initiativer/0/fremdrift', message: 'Skal være højst 100.' },
    ]);
  });
});
