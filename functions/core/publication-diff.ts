// What changed between two versions of a publication, section by section, for a co-author to
// read: sections added, removed and moved; for a changed section its old heading, its old and new
// data block, and its text as a word diff (jsdiff, with Danish word boundaries from
// Intl.Segmenter), long unchanged stretches shortened to their ends. Stored with each version, so
// the list of versions needs no old content to show what happened.
import { diffLines, diffWords } from 'diff';
import type { Section, SectionChange, TextChange } from '#schemas/publication';

/** Unchanged text longer than this is shortened to its first and last CONTEXT characters. */
const CONTEXT = 60;
/** A section's word diff is cut after this many characters (a rewrite of 50,000 characters stays readable and small). */
const MAX_DIFF_CHARS = 6000;

/** How many word edits jsdiff looks for before it calls the text rewritten. */
const MAX_EDITS = 400;

const segmenter = new Intl.Segmenter('da', { granularity: 'word' });

function shorten(text: string, first: boolean, last: boolean): string {
  if (text.length <= CONTEXT * 2 + 1) return text;
  const head = first ? '' : text.slice(0, CONTEXT);
  const tail = last ? '' : text.slice(-CONTEXT);
  return `${head}…${tail}`;
}

/** The word diff of two texts: unchanged runs shortened, the whole cut at MAX_DIFF_CHARS. */
export function wordDiff(before: string, after: string): { parts: TextChange[]; truncated: boolean } {
  // Beyond MAX_EDITS word changes the texts have little in common: shown as old text out, new in,
  // instead of searching on (jsdiff's search grows with the square of the edits).
  const raw = diffWords(before, after, { intlSegmenter: segmenter, maxEditLength: MAX_EDITS }) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ].filter((p) => p.value);
  const parts: TextChange[] = [];
  let used = 0;
  for (const [i, p] of raw.entries()) {
    const op = p.added ? 'added' : p.removed ? 'removed' : 'same';
    const text = op === 'same' ? shorten(p.value, i === 0, i === raw.length - 1) : p.value;
    if (used + text.length > MAX_DIFF_CHARS) {
      parts.push({ op, text: `${text.slice(0, Math.max(0, MAX_DIFF_CHARS - used))}…` });
      return { parts, truncated: true };
    }
    used += text.length;
    parts.push({ op, text });
  }
  return { parts, truncated: false };
}

/** Whole lines removed and added, in order (repeated lines counted where they change). */
function lineChanges(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  const whole = [
    { value: before, removed: true, added: false },
    { value: after, added: true, removed: false },
  ];
  for (const p of diffLines(before, after, { maxEditLength: MAX_EDITS, ignoreNewlineAtEof: true }) ?? whole) {
    const lines = p.value.split('\n').filter((l) => l.trim());
    if (p.removed) removed.push(...lines);
    else if (p.added) added.push(...lines);
  }
  return { removed, added };
}

const blockOf = (s: Section) => (s.kind === 'data' ? s.block : undefined);

export function diffSections(before: readonly Section[], after: readonly Section[]): SectionChange[] {
  const old = new Map(before.map((s, i) => [s.id, { s, i }]));
  // A section counts as moved when its place among the sections both versions have changes.
  const kept = after.filter((s) => old.has(s.id)).map((s) => s.id);
  const keptBefore = before.filter((s) => after.some((a) => a.id === s.id)).map((s) => s.id);
  const changes: SectionChange[] = [];
  for (const s of after) {
    const was = old.get(s.id);
    if (!was) {
      // The new section's text is in the document itself; the first version would otherwise repeat it all.
      changes.push({ sectionId: s.id, title: s.title, change: 'added' });
      continue;
    }
    old.delete(s.id);
    const moved = kept.indexOf(s.id) !== keptBefore.indexOf(s.id);
    if (JSON.stringify(was.s) === JSON.stringify(s)) {
      if (moved) changes.push({ sectionId: s.id, title: s.title, change: 'moved' });
      continue;
    }
    const a = was.s.markdown ?? '';
    const b = s.markdown ?? '';
    const blockBefore = blockOf(was.s);
    const blockAfter = blockOf(s);
    const blockChanged = JSON.stringify(blockBefore) !== JSON.stringify(blockAfter);
    const diff = a === b ? undefined : wordDiff(a, b);
    changes.push({
      sectionId: s.id,
      title: s.title,
      change: 'changed',
      ...(moved && { moved: true }),
      ...(was.s.title !== s.title && { titleBefore: was.s.title }),
      ...(blockChanged && { ...(blockBefore && { blockBefore }), ...(blockAfter && { blockAfter }) }),
      ...(diff && { ...lineChanges(a, b), text: diff.parts, ...(diff.truncated && { textTruncated: true }) }),
    });
  }
  for (const { s } of old.values()) changes.push({ sectionId: s.id, title: s.title, change: 'removed' });
  return changes;
}
