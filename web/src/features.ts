// Which optional API features this deployment has, from the route list in /config.json (written
// at deploy time from the same route table the API is made of; the local server writes its own),
// so a button for a route that is not there (yet) is hidden instead of failing. It used to be
// read from /openapi.json: about 200 KB fetched and parsed before the first page could render.
import type { WebConfig } from './config.ts';

let paths = new Set<string>();

export function loadFeatures(config: Pick<WebConfig, 'routes'>): void {
  paths = new Set(config.routes ?? []);
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
