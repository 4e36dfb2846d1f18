// How the web app names and shows changed fields: pointers become the form's Danish titles,
// whole sections added or removed open up into their fields, values read as in the form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeLabel, compareAnswers, fieldChanges, formatAnswer } from '../../web/src/answers.ts';

const schema = JSON.parse(readFileSync(new URL('../../forms/kraeftplan-v-kommunal/v1.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('changed fields in the web app', () => {
  it('names a field by its section and field titles and shows a choice by its label', () => {
    const [change] = compareAnswers({ palliation: { status: 'delvist_implementeret' } }, { palliation: { status: 'implementeret' } });
    expect(change).toEqual({ pointer: '/palliation/status', change: 'changed', old: 'delvist_implementeret', new: 'implementeret' });
    expect(changeLabel(schema, change!.pointer)).toBe('Palliation › Status for kommunens indsats');
    expect(formatAnswer(schema, change!.pointer, change!.old)).toBe('Delvist implementeret');
  });

  it('opens an added section into one row per field, with units on numbers', () => {
    const changes = fieldChanges([{ pointer: '/rehabilitering', change: 'added', new: { status: 'planlagt', antal_henviste: 1200 } }]);
    expect(changes.map((c) => c.pointer)).toEqual(['/rehabilitering/status', '/rehabilitering/antal_henviste']);
    expect(formatAnswer(schema, '/rehabilitering/antal_henviste', 1200)).toBe('1.200 borgere');
  });

  it('keeps the pointer of a field the form no longer has, and shows an empty value as (tom)', () => {
    expect(changeLabel(schema, '/gammel_sektion/felt')).toBe('/gammel_sektion/felt');
    expect(formatAnswer(schema, '/kontakt/navn', '')).toBe('(tom)');
  });
});
