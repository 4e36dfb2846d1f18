// The pure parts of publications: data blocks read the way that is better, the version diff says
// what changed, and the templates are marked as examples of structure.
import { describe, expect, it } from 'vitest';
import { resolveBlock, type BlockSources } from '#core/publication-blocks';
import { diffSections, wordDiff } from '#core/publication-diff';
import { EXAMPLE_NOTICE, TEMPLATES } from '#core/publication-templates';
import type { Section } from '#schemas/publication';

const indicators = (rows: { period: string; value: number; target?: number }[]): BlockSources => ({
  roundSummary: async () => undefined,
  indicators: async () => ({
    formId: 'psykiatriplan-status',
    uploadedAt: '2026-11-01T10:00:00.000Z',
    uploadedBy: 'SST',
    contentHash: 'a'.repeat(64),
    rows: rows.map((r) => ({ indicator: 'tvang', title: 'Personer bæltefikseret', unit: 'personer', ...r })),
  }),
});

describe('an indicator series block', () => {
  const rows = [
    { period: '2025', value: 200, target: 150 },
    { period: '2026', value: 182, target: 150 },
    { period: '2027', value: 149, target: 150 },
  ];

  it('reads "lower is better" as a goal of at most the target: 182 against 150 is over it, a fall is better', async () => {
    const block = await resolveBlock(indicators(rows), { type: 'indicator-series', formId: 'psykiatriplan-status', indicator: 'tvang', better: 'lower' });
    expect(block.rows.map((r) => [r[0], r[3], r[4]])).toEqual([
      ['2025', 'Over målet', '–'],
      ['2026', 'Over målet', 'Bedre'],
      ['2027', 'På målet', 'Bedre'],
    ]);
    expect(block.columns[2]!.label).toBe('Mål (højst)');
    expect(block.summary).toContain('mod et mål på højst 150; lavere er bedre');
    expect(block.source).toEqual({ kind: 'indicator-dataset', id: 'psykiatriplan-status', contentHash: 'a'.repeat(64), builtAt: '2026-11-01T10:00:00.000Z' });
  });

  it('mirrors every verdict and trend when higher is better', async () => {
    const block = await resolveBlock(indicators(rows), { type: 'indicator-series', formId: 'psykiatriplan-status', indicator: 'tvang', better: 'higher' });
    expect(block.rows.map((r) => [r[3], r[4]])).toEqual([
      ['På målet', '–'],
      ['På målet', 'Dårligere'],
      ['Under målet', 'Dårligere'],
    ]);
  });

  it('says so when a round or an indicator has no data, instead of inventing figures', async () => {
    const none = await resolveBlock(indicators([]), { type: 'indicator-series', formId: 'psykiatriplan-status', indicator: 'tvang', better: 'lower' });
    expect(none.missing).toContain('ingen nationale data');
    const gone = await resolveBlock(indicators([]), { type: 'completeness', roundId: 'findes-ikke' });
    expect(gone.missing).toBe('Indberetningsrunden "findes-ikke" findes ikke.');
    expect(gone.rows).toEqual([]);
  });
});

describe('the version diff', () => {
  const text = (id: string, markdown: string): Section => ({ id, kind: 'text', title: id.toUpperCase(), markdown });

  it('names sections added, removed, moved and changed, with the lines that changed', () => {
    const before = [text('a', 'én\nto'), text('b', 'x'), text('c', 'y')];
    const after = [text('b', 'x'), text('a', 'én\ntre'), text('d', 'ny')];
    expect(diffSections(before, after)).toEqual([
      { sectionId: 'b', title: 'B', change: 'moved' },
      {
        sectionId: 'a',
        title: 'A',
        change: 'changed',
        moved: true,
        removed: ['to'],
        added: ['tre'],
        text: [
          { op: 'same', text: 'én\n' },
          { op: 'removed', text: 'to' },
          { op: 'added', text: 'tre' },
        ],
      },
      { sectionId: 'd', title: 'D', change: 'added' },
      { sectionId: 'c', title: 'C', change: 'removed' },
    ]);
    expect(diffSections(before, before)).toEqual([]);
  });

  it('shows a changed sentence word by word, with Danish words whole, and shortens the text around it', () => {
    const lead = 'Indledning om de politisk aftalte mål for psykiatrien og de indikatorer, der følges år for år, i regionerne og i kommunerne. ';
    const { parts, truncated } = wordDiff(`${lead}Ventetiden er faldet til 34 dage på Ærø.`, `${lead}Ventetiden er steget til 41 dage på Ærø.`);
    expect(truncated).toBe(false);
    expect(parts.filter((p) => p.op !== 'same')).toEqual([
      { op: 'removed', text: 'faldet' },
      { op: 'added', text: 'steget' },
      { op: 'removed', text: '34' },
      { op: 'added', text: '41' },
    ]);
    // The long unchanged opening is cut to its last words; the short stretches stay whole.
    expect(parts[0]).toEqual({ op: 'same', text: `…${`${lead}Ventetiden er `.slice(-60)}` });
    expect(parts.at(-1)).toEqual({ op: 'same', text: ' dage på Ærø.' });
  });

  it('names a new heading and a changed data block, and cuts a rewrite of a long text', () => {
    const block = (field: string): Section => ({ id: 'tal', kind: 'data', title: 'Tal', block: { type: 'question', roundId: 'r-1', field, by: 'region' }, markdown: '' });
    const [change] = diffSections([block('/a')], [{ ...block('/b'), title: 'Tallene' }]);
    expect(change).toEqual({
      sectionId: 'tal',
      title: 'Tallene',
      change: 'changed',
      titleBefore: 'Tal',
      blockBefore: { type: 'question', roundId: 'r-1', field: '/a', by: 'region' },
      blockAfter: { type: 'question', roundId: 'r-1', field: '/b', by: 'region' },
    });
    const long = (w: string) => Array.from({ length: 3000 }, (_, i) => `${w}${i}`).join(' ');
    const rewrite = wordDiff(long('gammel'), long('ny'));
    expect(rewrite.truncated).toBe(true);
    expect(rewrite.parts.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(6001);
  });
});

describe('the templates', () => {
  it('mark every prompt as an example of structure, and the psychiatry report invites Social- og Boligstyrelsen', () => {
    expect(EXAMPLE_NOTICE).toBe('Eksempel på struktur – ikke officiel tekst');
    for (const id of ['kraeftplan-v-ministeriet', 'psykiatri-10-aarsplan'] as const) {
      const sections = TEMPLATES[id].sections('2026');
      for (const s of sections.filter((x) => x.markdown)) expect(s.markdown, `${id}/${s.id}`).toContain(EXAMPLE_NOTICE);
      expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
    }
    expect(TEMPLATES['psykiatri-10-aarsplan'].authors).toEqual(['social-og-boligstyrelsen']);
    expect(TEMPLATES['psykiatri-10-aarsplan'].sections('2027').filter((s) => s.kind === 'data').map((s) => s.kind === 'data' && 'roundId' in s.block && s.block.roundId)).toEqual(
      Array(4).fill('psykiatriplan-status-2027'),
    );
  });
});
