// The web app's texts are split by page area (web/src/i18n.ts and the i18n-*.ts area modules), so
// each area's texts load with its pages. A text has one home: no area repeats a shared key or
// another area's, every area has the same keys in Danish and English, and an area's t finds the
// shared texts too.
import { describe, expect, it } from 'vitest';
import { possessive, sharedKeys, t as sharedT } from '../../web/src/i18n.ts';
import * as forms from '../../web/src/i18n-forms.ts';
import * as publications from '../../web/src/i18n-publications.ts';
import * as rounds from '../../web/src/i18n-rounds.ts';
import * as year from '../../web/src/i18n-sstyear.ts';

const areas = {
  forms: [forms.formsDa, forms.formsEn],
  publications: [publications.publicationsDa, publications.publicationsEn],
  rounds: [rounds.roundsDa, rounds.roundsEn],
  'sst-year': [year.SST_YEAR_DA, year.SST_YEAR_EN],
} as const;

describe('texts split by page area', () => {
  it('gives every text one home: no area repeats a shared key or another area\'s', () => {
    const seen = new Map<string, string>(sharedKeys().map((k) => [k, 'shared']));
    const clashes: string[] = [];
    for (const [area, [da]] of Object.entries(areas)) {
      for (const key of Object.keys(da)) {
        if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has every area text in Danish and English, none empty', () => {
    for (const [da, en] of Object.values(areas)) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
      expect(Object.values(da).filter((s) => !s.trim())).toEqual([]);
      expect(Object.values(en).filter((s) => !s.trim())).toEqual([]);
    }
  });

  it("lets an area's t show its own texts, with parameters, and the shared ones", () => {
    expect(rounds.t('editRoundOf', 'Kræftplan V 2026')).toBe(rounds.roundsDa.editRoundOf.replace('%1', 'Kræftplan V 2026'));
    expect(year.t('navAudit')).toBe(sharedT('navAudit'));
    expect(forms.t('appName')).toBe('Statusportalen');
    expect(publications.t('signOut')).toBe('Log ud');
  });
});

describe('owners in a text', () => {
  it('puts an organisation that owns a report in the Danish genitive, one helper for every page', () => {
    expect(sharedT('orgReport', possessive('Københavns Kommune'))).toBe('Københavns Kommunes indberetning');
    expect(sharedT('ownReportTitle', possessive('Danske Regioner'))).toBe('Danske Regioners indberetning til Sundhedsstyrelsen');
    expect(rounds.t('coordReportOpen', possessive('Region Hovedstaden'))).toBe('Åbn Region Hovedstadens indberetning');
    expect(sharedT('prefillFromOne', possessive('Region Sjælland'))).toBe('Region Sjællands svar');
  });
});
