// One organisation's report as a printable Danish page: who reports, the round, status and
// deadline, every question of the form in its order with the answer given (choices by their
// labels, lists item by item), SST's comments and the attachments. Pure: everything it shows
// comes in as values, and every value is escaped, so answers can never become markup. No
// scripts; A4 print CSS shared with the round summary, so "Udskriv → Gem som PDF" just works.
import { genitive } from '#core/danish-names';
import { formatDanishDateTime } from '#core/danish-time';
import { esc } from '#core/summary/svg';
import { PRINT_CSS } from '#core/print-css';
import { ATTACHMENT_TYPES } from '#core/attachments';
import { fieldName, isNode, valueLabel, type SchemaNode } from '#core/form-labels';
import type { SubmissionStatus } from '#schemas/api';

export interface PrintComment {
  comment: string;
  /** The field the comment points at (a JSON pointer), if any. */
  pointer?: string | undefined;
  by: string;
  at: string;
}

export interface PrintAttachment {
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string;
}

export interface PrintInput {
  organisationName: string;
  round: { title: string; period: string };
  status: SubmissionStatus;
  revision: number;
  /** The organisation's effective deadline, and the round's when an extension moved it. */
  deadlineAt: string;
  extension?: { deadlineAt: string; reason: string; roundDeadlineAt: string } | undefined;
  updatedAt?: string | undefined;
  updatedBy?: string | undefined;
  submittedAt?: string | undefined;
  submittedBy?: string | undefined;
  late?: boolean | undefined;
  schema: SchemaNode;
  answers: Record<string, unknown>;
  /** The reviewer's return comments, oldest first. */
  comments: PrintComment[];
  /** Who reviews the report: `Sundhedsstyrelsen`, or for a contribution its coordinator (`Danske Regioner`). Default SST. */
  reviewerName?: string | undefined;
  attachments: PrintAttachment[];
  printedAt: Date;
}

export const STATUS_TEXT: Record<SubmissionStatus, string> = {
  not_started: 'Ikke påbegyndt',
  draft: 'Kladde (ikke indsendt)',
  submitted: 'Indsendt',
  returned: 'Sendt retur til rettelse',
  accepted: 'Godkendt',
};

const NOT_ANSWERED = '<span class="empty">Ikke besvaret</span>';

const CSS = `${PRINT_CSS}
dl.facts { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 3mm 0 5mm; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.q { margin: 0 0 3mm; break-inside: avoid; }
.q .t { font-weight: 600; }
.q .a { margin: 0.5mm 0 0; white-space: pre-wrap; }
.empty { color: #6b6b6b; font-style: italic; }
.item { border-left: 2px solid #c8d0da; padding-left: 3mm; margin: 2mm 0 4mm; }
.comment { margin: 0 0 3mm; }
.comment p { margin: 0.5mm 0 0; white-space: pre-wrap; }
footer { margin-top: 8mm; color: #6b6b6b; font-size: 9pt; }
`;

const time = (iso: string) => esc(formatDanishDateTime(new Date(iso)));
const title = (node: SchemaNode, key: string) => (typeof node['title'] === 'string' && node['title'] ? node['title'] : key);
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function size(bytes: number): string {
  const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${nf.format(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

const fileType = (contentType: string) => (ATTACHMENT_TYPES[contentType] ?? contentType).toUpperCase();

/** Root properties in `x-order` order (sections without it after the ordered ones, as in the form). */
function ordered(properties: Record<string, unknown>): [string, SchemaNode][] {
  return Object.entries(properties)
    .filter((e): e is [string, SchemaNode] => isNode(e[1]))
    .map((e, i) => ({ e, order: typeof e[1]['x-order'] === 'number' ? (e[1]['x-order'] as number) : 1000 + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ e }) => e);
}

function leaf(node: SchemaNode, value: unknown): string {
  if (isEmpty(value)) return NOT_ANSWERED;
  if (Array.isArray(value)) {
    const items = isNode(node['items']) ? (node['items'] as SchemaNode) : undefined;
    return esc(value.map((v) => valueLabel(items, v)).join(', '));
  }
  return esc(valueLabel(node, value));
}

/** One node of the form with its answer; `depth` picks the heading level (h2 sections, then h3, h4). */
function block(node: SchemaNode, key: string, value: unknown, depth: number): string {
  const h = `h${Math.min(depth, 4)}`;
  const heading = `<${h}>${esc(title(node, key))}</${h}>`;
  const properties = node['properties'];
  if (isNode(properties)) {
    const answers = isNode(value) ? value : {};
    return `${depth <= 4 ? heading : `<p class="t">${esc(title(node, key))}</p>`}${fields(properties, answers, depth + 1)}`;
  }
  const items = node['items'];
  if (Array.isArray(value) && value.length > 0 && isNode(items) && isNode(items['properties'])) {
    const itemKey = typeof node['x-item-key'] === 'string' ? node['x-item-key'] : undefined;
    const keyNode = itemKey && isNode(items['properties']) ? (items['properties'] as Record<string, unknown>)[itemKey] : undefined;
    const list = value
      .map((item, i) => {
        const answer = isNode(item) ? item : {};
        const label = itemKey && !isEmpty(answer[itemKey]) ? `: ${esc(valueLabel(isNode(keyNode) ? keyNode : undefined, answer[itemKey]))}` : '';
        const ih = `h${Math.min(depth + 1, 4)}`;
        return `<div class="item"><${ih}>Punkt ${i + 1}${label}</${ih}>${fields(items['properties'] as Record<string, unknown>, answer, depth + 2)}</div>`;
      })
      .join('');
    return `${heading}${list}`;
  }
  if (isNode(items) && isNode(items['properties'])) return `${heading}<p>${NOT_ANSWERED}</p>`;
  return `<div class="q"><div class="t">${esc(title(node, key))}</div><div class="a">${leaf(node, value)}</div></div>`;
}

function fields(properties: Record<string, unknown>, answers: Record<string, unknown>, depth: number): string {
  return Object.entries(properties)
    .filter((e): e is [string, SchemaNode] => isNode(e[1]))
    .map(([key, node]) => block(node, key, answers[key], depth))
    .join('');
}

function facts(input: PrintInput): string {
  const rows: [string, string][] = [
    ['Organisation', esc(input.organisationName)],
    ['Indberetningsrunde', esc(input.round.title)],
    ['Periode', esc(input.round.period)],
    ['Status', esc(STATUS_TEXT[input.status])],
    [
      'Frist',
      input.extension
        ? `${time(input.deadlineAt)} (forlænget fra ${time(input.extension.roundDeadlineAt)}: ${esc(input.extension.reason)})`
        : time(input.deadlineAt),
    ],
  ];
  if (input.submittedAt) {
    rows.push(['Indsendt', `${time(input.submittedAt)}${input.submittedBy ? ` af ${esc(input.submittedBy)}` : ''}${input.late ? ' (efter fristen)' : ''}`]);
  }
  if (input.updatedAt) rows.push(['Senest gemt', `${time(input.updatedAt)}${input.updatedBy ? ` af ${esc(input.updatedBy)}` : ''} (version ${input.revision})`]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function comments(input: PrintInput): string {
  if (input.comments.length === 0) return '';
  const list = input.comments
    .map(
      (c) =>
        `<div class="comment"><div><strong>${time(c.at)}</strong>, ${esc(c.by)}${c.pointer ? ` · om ${esc(fieldName(input.schema, c.pointer))}` : ''}</div><p>${esc(c.comment)}</p></div>`,
    )
    .join('');
  return `<h2>Bemærkninger fra ${esc(input.reviewerName ?? 'Sundhedsstyrelsen')}</h2><div class="note">${list}</div>`;
}

function attachments(input: PrintInput): string {
  const body =
    input.attachments.length === 0
      ? '<p>Ingen bilag.</p>'
      : `<table><thead><tr><th>Fil</th><th>Type</th><th class="num">Størrelse</th><th>Tilføjet</th></tr></thead><tbody>${input.attachments
          .map(
            (a) =>
              `<tr><td>${esc(a.fileName)}</td><td>${esc(fileType(a.contentType))}</td><td class="num">${esc(size(a.size))}</td><td>${time(a.uploadedAt)}, ${esc(a.uploadedBy)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return `<h2>Bilag</h2>${body}`;
}

/** The whole page, as one string of HTML. */
export function reportHtml(input: PrintInput): string {
  const properties = isNode(input.schema['properties']) ? (input.schema['properties'] as Record<string, unknown>) : {};
  const sections = ordered(properties)
    .map(([key, node]) => block(node, key, input.answers[key], 2))
    .join('');
  const heading = `${input.round.title} – ${input.organisationName}`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(input.round.title)}</h1>
<p class="meta">${esc(genitive(input.organisationName))} indberetning</p>
</header>
<main>
${facts(input)}
${comments(input)}
${sections}
${attachments(input)}
</main>
<footer>Udskrevet fra Statusportalen ${esc(formatDanishDateTime(input.printedAt))}.</footer>
</body>
</html>
`;
}
