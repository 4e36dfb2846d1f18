// The pure parts of publications: data blocks read the way that is better, the version diff says
// what changed, and the templates are marked as examples of structure.
import { describe, expect, it } from 'vitest';
import { resolveBlock, type BlockSources } from '#core/publication-blocks';
import { diffSections } from '#core/publications-service';
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
      { sectionId: 'a', title: 'A', change: 'changed', removed: ['to'], added: ['tre'] },
      { sectionId: 'd', title: 'D', change: 'added' },
      { sectionId: 'c', title: 'C', change: 'removed' },
    ]);
    expect(diffSections(before, before)).toEqual([]);
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
