// The Danish genitive of organisation names, as the e-mails use it: -s on the last word, an
// apostrophe after s, x and z, and 's after an abbreviation.
import { describe, expect, it } from 'vitest';
import { genitive } from '#core/danish-names';
import { organisationsAt } from '#core/registry';

describe('genitive', () => {
  it('adds -s to the last word of a name', () => {
    expect(genitive('Aarhus Kommune')).toBe('Aarhus Kommunes');
    expect(genitive('Københavns Kommune')).toBe('Københavns Kommunes');
    expect(genitive('Bornholms Regionskommune')).toBe('Bornholms Regionskommunes');
    expect(genitive('Region Hovedstaden')).toBe('Region Hovedstadens');
    expect(genitive('Danske Regioner')).toBe('Danske Regioners');
    expect(genitive('Sundhedsstyrelsen')).toBe('Sundhedsstyrelsens');
  });

  it('keeps æ, ø and å as they are', () => {
    expect(genitive('Region Sjælland')).toBe('Region Sjællands');
    expect(genitive('Region Østdanmark')).toBe('Region Østdanmarks');
    expect(genitive('Tårnby Kommune')).toBe('Tårnby Kommunes');
    expect(genitive('Ærø')).toBe('Ærøs');
    expect(genitive('Læsø')).toBe('Læsøs');
  });

  it('gives a name ending in s, x or z only an apostrophe, never a double s', () => {
    expect(genitive('Aarhus')).toBe("Aarhus'");
    expect(genitive('Nordfyns')).toBe("Nordfyns'");
    expect(genitive('Gladsaxe')).toBe('Gladsaxes');
    expect(genitive('Faxe')).toBe('Faxes');
    expect(genitive('Marx')).toBe("Marx'");
    expect(genitive('Schweiz')).toBe("Schweiz'");
    expect(genitive('Aarhus')).not.toMatch(/ss$/);
  });

  it("gives an abbreviation 's", () => {
    expect(genitive('KL')).toBe("KL's");
    expect(genitive('SST')).toBe("SST's");
    expect(genitive('Region 2')).toBe("Region 2's");
  });

  it('trims surrounding space and leaves an empty name empty', () => {
    expect(genitive('  Aarhus Kommune ')).toBe('Aarhus Kommunes');
    expect(genitive('')).toBe('');
  });

  it('turns every official name in the registry into a genitive ending in s or an apostrophe', () => {
    for (const o of organisationsAt('2026-06-01')) {
      const g = genitive(o.officialName);
      expect(g.startsWith(o.officialName)).toBe(true);
      expect(g).toMatch(/(?:[^sxz]s|[sxz]'|'s)$/);
    }
  });
});
