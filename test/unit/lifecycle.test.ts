import { describe, expect, it } from 'vitest';
import { allowedActions, nextStatus } from '#core/lifecycle';
import { Problem } from '#core/problems';
import type { RevisionAction, SubmissionStatus } from '#schemas/api';

const codeOf = (from: SubmissionStatus, action: RevisionAction) => {
  try {
    nextStatus(from, action);
    return 'allowed';
  } catch (err) {
    return (err as Problem).code;
  }
};

describe('submission state machine', () => {
  it('walks draft → submitted → returned → draft → submitted → accepted', () => {
    expect(nextStatus('not_started', 'save').to).toBe('draft');
    expect(nextStatus('draft', 'submit').to).toBe('submitted');
    expect(nextStatus('submitted', 'return').to).toBe('returned');
    expect(nextStatus('returned', 'save').to).toBe('draft');
    expect(nextStatus('draft', 'submit').to).toBe('submitted');
    expect(nextStatus('submitted', 'accept').to).toBe('accepted');
  });

  it('lets the organisation reopen a submitted report but only SST reopen an accepted one', () => {
    expect(nextStatus('submitted', 'reopen')).toEqual({ to: 'draft', by: 'reporter' });
    expect(nextStatus('accepted', 'reopen')).toEqual({ to: 'returned', by: 'sst-admin' });
  });

  it('refuses a move made by the wrong actor', () => {
    expect(() => nextStatus('accepted', 'reopen', 'reporter')).toThrow(/godkendt/);
    expect(() => nextStatus('submitted', 'accept', 'reporter')).toThrow(Problem);
    expect(nextStatus('submitted', 'accept', 'sst-admin').to).toBe('accepted');
  });

  it('refuses saving an accepted report with a reason a reporter understands', () => {
    expect(codeOf('accepted', 'save')).toBe('already-accepted');
    expect(() => nextStatus('accepted', 'save')).toThrow(/godkendt/);
  });

  it('refuses saving a submitted report and says to reopen it', () => {
    expect(codeOf('submitted', 'save')).toBe('already-submitted');
    expect(() => nextStatus('submitted', 'save')).toThrow(/Genåbn/);
  });

  it('refuses every move the table does not name', () => {
    expect(codeOf('not_started', 'submit')).toBe('invalid-transition');
    expect(codeOf('draft', 'accept')).toBe('invalid-transition');
    expect(codeOf('draft', 'return')).toBe('invalid-transition');
    expect(codeOf('returned', 'accept')).toBe('invalid-transition');
    expect(codeOf('accepted', 'accept')).toBe('invalid-transition');
  });

  it('lets the organisation remove an attachment or restore a version only while the report is its to edit', () => {
    for (const action of ['detach', 'restore'] as const) {
      expect(nextStatus('draft', action, 'reporter').to).toBe('draft');
      expect(nextStatus('returned', action, 'reporter').to).toBe('draft');
      expect(codeOf('submitted', action)).toBe('invalid-transition');
      expect(codeOf('accepted', action)).toBe('invalid-transition');
      expect(codeOf('not_started', action)).toBe('invalid-transition');
    }
    expect(() => nextStatus('submitted', 'detach')).toThrow(/indsendt.*Genåbn/);
    expect(() => nextStatus('accepted', 'restore')).toThrow(/godkendt/);
  });

  it('lists the actions open from each state', () => {
    expect(allowedActions('draft').sort()).toEqual(['attach', 'compose', 'detach', 'restore', 'save', 'submit']);
    expect(allowedActions('returned').sort()).toEqual(['attach', 'compose', 'detach', 'restore', 'save', 'submit']);
    expect(allowedActions('submitted').sort()).toEqual(['accept', 'reopen', 'return']);
    expect(allowedActions('accepted')).toEqual(['reopen']);
  });
});
