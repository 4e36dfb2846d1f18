// pdfmake's own PDFKit document class (pdfmake/js/PDFDocument.js), which its type package does not
// describe: only the one method functions/core/publication-pdf.ts wraps. The file is Babel's
// CommonJS (`exports.default`): Node's ESM loader gives the exports object, a bundler the class.
declare module 'pdfmake/js/PDFDocument.js' {
  interface DocumentClass {
    prototype: { getFontFile(family: string, bold: boolean, italics: boolean): string | Buffer | null };
  }
  const PDFDocument: DocumentClass & { default?: DocumentClass };
  export default PDFDocument;
}
