// The house style of every printable Danish page (the round summary, one organisation's report):
// A4 with print margins, headings, tables that repeat their header row and never split a row.
export const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #14365d; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; color: #14365d; border-bottom: 1.5px solid #14365d; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p.meta { color: #444; margin: 0 0 1mm; }
.note { background: #f3f6fa; border-left: 3px solid #14365d; padding: 2mm 3mm; margin: 3mm 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #c8d0da; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
th { hyphens: manual; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
