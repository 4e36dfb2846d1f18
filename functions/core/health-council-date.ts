// The day the sundhedsråd begin (the health reform's first day), on its own so the web app can
// know it without bundling the registry and the compositions (#core/health-councils).
export const FIRST_HEALTH_COUNCIL_DATE = '2027-01-01';
