// date-holidays-parser ships its types as an ambient module that its package.json does not point
// to; this pulls them in. date-holidays/data (used only by local/holidays-dk.ts and its test)
// ships none: it is one object of every country's rules.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the types are ambient, an import cannot name them
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />
declare module 'date-holidays/data' {
  export const data: object;
}
