// Which optional API features this deployment has, read once from the public OpenAPI
// document, so a button for a route that is not there (yet) is hidden instead of failing.
import { apiUrl } from './api.ts';

let paths = new Set<string>();

export async function loadFeatures(): Promise<void> {
  try {
    const res = await fetch(apiUrl('/openapi.json'));
    const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
    paths = new Set(Object.entries(doc.paths ?? {}).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
  } catch {
    paths = new Set();
  }
}

/** True when the API serves `method path` (path in OpenAPI syntax: `/rounds/{roundId}/status`). */
export const has = (method: string, path: string): boolean => paths.has(`${method} ${path}`);

export const features = {
  roundStatus: () => has('GET', '/rounds/{roundId}/status'),
  summary: () => has('GET', '/rounds/{roundId}/summary'),
  calendar: () => has('GET', '/calendar'),
  calendarIcs: () => has('GET', '/calendar.ics'),
  prefill: () => has('POST', '/rounds/{roundId}/submissions/{orgId}/prefill'),
  contacts: () => has('GET', '/orgs/{orgId}/contacts') && has('PUT', '/orgs/{orgId}/contacts'),
  publications: () => has('GET', '/publications'),
  attachments: () => has('GET', '/rounds/{roundId}/submissions/{orgId}/attachments'),
  formAuthoring: () => has('POST', '/forms/{formId}/preview'),
};
