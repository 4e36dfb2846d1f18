// Danish grammar for organisation names in sentences: the genitive (ejefald) that the e-mails
// and other server texts need ("Aarhus Kommunes indberetning"). Pure and dependency-free.
//
// The rules are those of Retskrivningsordbogen (Dansk Sprognævn) for the genitive:
// - the genitive adds -s to the last word of the name: "Region Hovedstaden" → "Region
//   Hovedstadens", "Danske Regioner" → "Danske Regioners";
// - a word that already ends in s, x or z takes only an apostrophe: "Aarhus" → "Aarhus'";
// - an abbreviation, a number or a symbol takes 's: "KL" → "KL's".

/** The genitive of a Danish name: `genitive('Aarhus Kommune')` is `'Aarhus Kommunes'`. */
export function genitive(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return trimmed;
  const lastWord = trimmed.slice(trimmed.search(/\S+$/u));
  if (/[sxzSXZ]$/u.test(lastWord)) return `${trimmed}'`;
  if (isAbbreviation(lastWord)) return `${trimmed}'s`;
  return `${trimmed}s`;
}

// An abbreviation is written in capitals ("KL", "SST", "DR"), or ends in a digit or a symbol.
// Two capitals at least, so a one-letter word is not mistaken for one.
function isAbbreviation(word: string): boolean {
  if (/[^\p{L}]$/u.test(word)) return true;
  return /^\p{Lu}{2,}$/u.test(word);
}
