import { describe, expect, it } from 'vitest';
import { diffAnswers } from '#core/answers-diff';

describe('answer diffs', () => {
  it('lists changed, added and removed fields as JSON pointers with old and new values', () => {
    const a = { kontakt: { navn: 'Anne', email: 'a@x.dk' }, initiativer: [{ initiativ: 'x', fremdrift: 10 }] };
    const b = { kontakt: { navn: 'Åse' }, initiativer: [{ initiativ: 'x', fremdrift: 40 }, { initiativ: 'y' }], ny: true };
    expect(diffAnswers(a, b)).toEqual([
      { pointer: '/kontakt/navn', change: 'changed', old: 'Anne', new: 'Åse' },
      { pointer: '/kontakt/email', change: 'removed', old: 'a@x.dk' },
      { pointer: '/initiativer/0/fremdrift', change: 'changed', old: 10, new: 40 },
      { pointer: '/initiativer/1', change: 'added', new: { initiativ: 'y' } },
      { pointer: '/ny', change: 'added', new: true },
    ]);
  });

  it('finds nothing between equal documents', () => {
    expect(diffAnswers({ a: [1, { b: 'ø' }] }, { a: [1, { b: 'ø' }] })).toEqual([]);
  });

  it('escapes slashes and tildes in keys', () => {
    expect(diffAnswers({ 'a/b': 1, 'c~d': 1 }, { 'a/b': 2, 'c~d': 1 })).toEqual([{ pointer: '/a~1b', change: 'changed', old: 1, new: 2 }]);
  });
});
