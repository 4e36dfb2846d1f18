// rjsf's own texts (array buttons, yes/no, error headings) in Danish, apart from i18n.ts so that
// every page does not download @rjsf/utils: only the form renderer (form-parts.tsx) imports this.
import { TranslatableString, englishStringTranslator, replaceStringParameters } from '@rjsf/utils';
import { currentLang } from './i18n.ts';

const RJSF_DA: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: 'Element',
  [TranslatableString.MissingItems]: 'Mangler definition af elementer',
  [TranslatableString.EmptyArray]: 'Ingen elementer endnu. Brug knappen nedenfor til at tilføje.',
  [TranslatableString.YesLabel]: 'Ja',
  [TranslatableString.NoLabel]: 'Nej',
  [TranslatableString.CloseLabel]: 'Luk',
  [TranslatableString.ErrorsLabel]: 'Fejl',
  [TranslatableString.NewStringDefault]: 'Ny værdi',
  [TranslatableString.AddButton]: 'Tilføj',
  [TranslatableString.AddItemButton]: 'Tilføj element',
  [TranslatableString.CopyButton]: 'Kopiér',
  [TranslatableString.ExpandButton]: 'Udvid',
  [TranslatableString.MoveDownButton]: 'Flyt ned',
  [TranslatableString.MoveUpButton]: 'Flyt op',
  [TranslatableString.RemoveButton]: 'Fjern',
  [TranslatableString.NowLabel]: 'Nu',
  [TranslatableString.ClearLabel]: 'Ryd',
  [TranslatableString.AriaDateLabel]: 'Vælg en dato',
  [TranslatableString.PreviewLabel]: 'Forhåndsvisning',
  [TranslatableString.DecrementAriaLabel]: 'Formindsk med 1',
  [TranslatableString.IncrementAriaLabel]: 'Forøg med 1',
  [TranslatableString.OptionalObjectAdd]: 'Tilføj oplysninger til valgfrit felt',
  [TranslatableString.OptionalObjectRemove]: 'Fjern oplysninger fra valgfrit felt',
  [TranslatableString.OptionalObjectEmptyMsg]: 'Ingen oplysninger i valgfrit felt',
  [TranslatableString.Type]: 'Type',
  [TranslatableString.Value]: 'Værdi',
  [TranslatableString.ClearButton]: 'ryd feltet',
  [TranslatableString.UnknownFieldType]: 'Ukendt felttype %1',
  [TranslatableString.OptionPrefix]: 'Mulighed %1',
  [TranslatableString.TitleOptionPrefix]: '%1 mulighed %2',
  [TranslatableString.KeyLabel]: '%1 nøgle',
  [TranslatableString.DeprecatedLabel]: '%1 (udgået)',
  [TranslatableString.CycleDetected]: 'Cirkulær reference fundet for feltet "%1".',
  [TranslatableString.InvalidObjectField]: 'Ugyldig opsætning af feltet "%1": _%2_.',
  [TranslatableString.UnsupportedField]: 'Feltet understøttes ikke.',
  [TranslatableString.UnsupportedFieldWithId]: 'Feltet `%1` understøttes ikke.',
  [TranslatableString.UnsupportedFieldWithReason]: 'Feltet understøttes ikke: _%1_.',
  [TranslatableString.UnsupportedFieldWithIdAndReason]: 'Feltet `%1` understøttes ikke: _%2_.',
  [TranslatableString.FilesInfo]: '**%1** (%2, %3 bytes)',
};

/** rjsf's `translateString`: Danish when the page is Danish, rjsf's own English otherwise. */
export function translateRjsf(key: TranslatableString, params?: string[]): string {
  const da = currentLang() === 'da' ? RJSF_DA[key] : undefined;
  return da ? replaceStringParameters(da, params) : englishStringTranslator(key, params);
}
