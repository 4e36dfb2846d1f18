// Field-level differences between two answer documents, as JSON pointers with old and new
// values: what an auditor asks ("what changed between revision 3 and 5?") and what the web
// form shows as "changed since last year".
export interface AnswerChange {
  pointer: string;
  change: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';

export function diffAnswers(before: unknown, after: unknown, pointer = ''): AnswerChange[] {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    const changes: AnswerChange[] = [];
    for (const key of keys) {
      const a = (before as Record<string, unknown>)[key];
      const b = (after as Record<string, unknown>)[key];
      const p = `${pointer}/${escape(key)}`;
      if (a === undefined) changes.push({ pointer: p, change: 'added', new: b });
      else if (b === undefined) changes.push({ pointer: p, change: 'removed', old: a });
      else changes.push(...diffAnswers(a, b, p));
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ pointer: pointer || '', change: 'changed', old: before, new: after }];
}
