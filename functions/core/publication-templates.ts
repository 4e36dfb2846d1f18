// The two example templates SST starts a report from. They give structure only: every text is a
// prompt for the writer, marked "Eksempel på struktur – ikke officiel tekst", never wording of
// SST's. What each report covers comes from the Task Force's terms of reference
// (/work/shared/seeds/000_4eb3af6b35db6681.txt): the yearly report to Indenrigs- og
// Sundhedsministeriet on Kræftplan V (Danske Regioner's written status, SST's status on the three
// national goals "på baggrund af senest tilgængelige data", the municipal follow-up), and the
// yearly status report on the 10-year plan for psychiatry, written by SST and Social- og
// Boligstyrelsen on the politically agreed goals and indicators.
import type { Section, TemplateId } from '#schemas/publication';

export const EXAMPLE_NOTICE = 'Eksempel på struktur – ikke officiel tekst';

const prompt = (text: string) => `*${EXAMPLE_NOTICE}.* ${text}`;

export interface Template {
  title: (period: string) => string;
  sections: (period: string) => Section[];
  /** Invited by default: the organisations that write the report with SST. */
  authors: readonly string[];
}

export const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  'kraeftplan-v-ministeriet': {
    title: (p) => `Årlig afrapportering om Kræftplan V til Indenrigs- og Sundhedsministeriet ${p}`,
    authors: [],
    sections: (p) => [
      { id: 'indledning', kind: 'text', title: 'Indledning', markdown: prompt('Beskriv formålet med afrapporteringen, grundlaget (udmøntningsaftalen) og hvilke data den bygger på.') },
      {
        id: 'regionernes-status',
        kind: 'data',
        title: 'Danske Regioners status',
        block: { type: 'status-distribution', roundId: `kraeftplan-v-regional-${p}`, field: '/initiativer/*/status' },
        markdown: prompt('Sammenfat Danske Regioners skriftlige status på implementeringen af initiativerne inden for det regionale område.'),
      },
      {
        id: 'regionernes-indberetning',
        kind: 'data',
        title: 'Indberetninger fra regionerne',
        block: { type: 'completeness', roundId: `kraeftplan-v-regional-${p}` },
        markdown: '',
      },
      {
        id: 'nationale-maalsaetninger',
        kind: 'data',
        title: 'De tre nationale målsætninger',
        block: { type: 'status-distribution', roundId: `kraeftplan-v-regional-${p}`, field: '/nationale_maalsaetninger/*/vurdering' },
        markdown: prompt('Gør status på de tre nationale målsætninger på baggrund af senest tilgængelige data. Tilføj en indikatorserie pr. målsætning, når de nationale data er indlæst.'),
      },
      {
        id: 'kommunal-opfoelgning',
        kind: 'data',
        title: 'Den kommunale opfølgning',
        block: { type: 'status-distribution', roundId: `kraeftplan-v-kommunal-${p}`, field: '/rehabilitering/status' },
        markdown: prompt('Sammenfat opfølgningen på de kommunale initiativer, som den er indhentet i regi af Task Force.'),
      },
      { id: 'samlet-vurdering', kind: 'text', title: 'Samlet vurdering', markdown: prompt('Skriv Sundhedsstyrelsens samlede vurdering og de næste skridt.') },
    ],
  },
  'psykiatri-10-aarsplan': {
    title: (p) => `Årlig statusrapport for 10-årsplanen for psykiatrien ${p}`,
    authors: ['social-og-boligstyrelsen'],
    sections: (p) => [
      {
        id: 'indledning',
        kind: 'text',
        title: 'Indledning',
        markdown: prompt('Beskriv rapportens formål: at følge fremdriften i og effekterne af implementeringen af 10-årsplanens initiativer ud fra de politisk besluttede mål og indikatorer.'),
      },
      {
        id: 'indberetninger',
        kind: 'data',
        title: 'Datagrundlag',
        block: { type: 'completeness', roundId: `psykiatriplan-status-${p}` },
        markdown: prompt('Beskriv datagrundlaget og eventuelle forbehold.'),
      },
      {
        id: 'fremdrift',
        kind: 'data',
        title: 'Fremdrift pr. mål',
        block: { type: 'status-distribution', roundId: `psykiatriplan-status-${p}`, field: '/maal/*/status' },
        markdown: prompt('Kommentér vurderingen af fremdriften for hvert mål.'),
      },
      {
        id: 'indikatorer',
        kind: 'data',
        title: 'Indikatorer: værdi og mål',
        block: { type: 'question', roundId: `psykiatriplan-status-${p}`, field: '/maal/*/indikatorer/*/vaerdi', by: 'region' },
        markdown: prompt('For hvert mål: indikatorernes værdi, målværdi, retning (om højere eller lavere er bedre), udvikling og en kommentar.'),
      },
      {
        id: 'regionernes-beskrivelser',
        kind: 'data',
        title: 'Regionernes beskrivelser',
        block: { type: 'free-text', roundId: `psykiatriplan-status-${p}`, field: '/maal/*/beskrivelse' },
        markdown: '',
      },
      {
        id: 'social-omraadet',
        kind: 'text',
        title: 'Det sociale område',
        markdown: prompt('Social- og Boligstyrelsens bidrag om fremdriften på det sociale område.'),
      },
      { id: 'samlet-vurdering', kind: 'text', title: 'Samlet vurdering', markdown: prompt('Skriv den samlede vurdering, som drøftes i Psykiatrirådet og i Task Force.') },
    ],
  },
  blank: {
    title: (p) => `Ny publikation ${p}`,
    authors: [],
    sections: () => [{ id: 'afsnit-1', kind: 'text', title: 'Afsnit 1', markdown: '' }],
  },
};
