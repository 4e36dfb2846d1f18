import { describe, expect, it } from 'vitest';
import { reportHtml, type PrintInput } from '#core/report-print';
import { fieldName } from '#core/form-labels';

const schema = {
  type: 'object',
  properties: {
    tvaergaaende: { type: 'object', title: 'Tværgående', 'x-order': 2, properties: { note: { type: 'string', title: 'Bemærkninger' } } },
    initiativer: {
      type: 'array',
      title: 'Initiativer',
      'x-order': 1,
      'x-item-key': 'initiativ',
      items: {
        type: 'object',
        properties: {
          initiativ: { type: 'string', title: 'Initiativ', oneOf: [{ const: 'pal', title: 'Palliation' }, { const: 'reh', title: 'Rehabilitering' }] },
          fremdrift: { type: 'integer', title: 'Fremdrift' },
          aktiv: { type: 'boolean', title: 'Aktiv' },
        },
      },
    },
  },
};

const input = (over: Partial<PrintInput> = {}): PrintInput => ({
  organisationName: 'Ærø',
  round: { title: 'Kræftplan V <2026>', period: '2026' },
  status: 'draft',
  revision: 2,
  deadlineAt: '2026-03-31T21:59:59.999Z',
  schema,
  answers: {},
  comments: [],
  attachments: [],
  printedAt: new Date('2026-03-01T10:00:00Z'),
  ...over,
});

describe('the printable report', () => {
  it('prints sections in x-order, list items by number and key label, choices by label, booleans as Ja/Nej', () => {
    const html = reportHtml(input({ answers: { initiativer: [{ initiativ: 'reh', fremdrift: 1500, aktiv: true }, { initiativ: 'pal' }], tvaergaaende: { note: 'a\nb' } } }));
    expect(html.indexOf('Initiativer')).toBeLessThan(html.indexOf('Tværgående'));
    expect(html).toContain('<h3>Punkt 1: Rehabilitering</h3>');
    expect(html).toContain('<h3>Punkt 2: Palliation</h3>');
    expect(html).toContain('<div class="a">1.500</div>');
    expect(html).toContain('<div class="a">Ja</div>');
    expect(html).toContain('<div class="a">a\nb</div>');
    expect(html).toContain('Kræftplan V &lt;2026&gt;');
    expect(html).toContain('31. marts 2026 kl. 23.59');
  });

  it('marks what is not answered, and an empty list as a whole', () => {
    const html = reportHtml(input());
    expect(html).toContain('<h2>Initiativer</h2><p><span class="empty">Ikke besvaret</span></p>');
    expect(html).toContain('<div class="t">Bemærkninger</div><div class="a"><span class="empty">Ikke besvaret</span></div>');
  });

  it('shows an extended deadline beside the round one, comments with their field, and attachments', () => {
    const html = reportHtml(
      input({
        deadlineAt: '2026-04-30T21:59:59.999Z',
        extension: { deadlineAt: '2026-04-30T21:59:59.999Z', reason: 'Ny leder', roundDeadlineAt: '2026-03-31T21:59:59.999Z' },
        comments: [{ comment: 'Uddyb', pointer: '/initiativer/0/fremdrift', by: 'SST', at: '2026-03-02T10:00:00Z' }],
        attachments: [{ fileName: 'bilag <1>.pdf', contentType: 'application/pdf', size: 1536, uploadedAt: '2026-03-01T09:00:00Z', uploadedBy: 'Åse' }],
      }),
    );
    expect(html).toContain('30. april 2026 kl. 23.59 (forlænget fra 31. marts 2026 kl. 23.59: Ny leder)');
    expect(html).toContain('om Initiativer › punkt 1 › Fremdrift');
    expect(html).toContain('<td>bilag &lt;1&gt;.pdf</td><td>PDF</td><td class="num">1,5 KB</td>');
  });
});

describe('field names', () => {
  it('names a pointer by the titles on its way, list items as "punkt N", unknown steps as they are', () => {
    expect(fieldName(schema, '/initiativer/2/initiativ')).toBe('Initiativer › punkt 3 › Initiativ');
    expect(fieldName(schema, '/ukendt/felt')).toBe('ukendt › felt');
    expect(fieldName(schema, '')).toBe('Indberetningen');
  });
});
