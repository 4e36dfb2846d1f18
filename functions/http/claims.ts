// Reads the caller from the JWT claims API Gateway's authorizer hands to Lambda. The
// authorizer has verified the token; this only maps claims to the project's Identity.
// Claims arrive as strings: a list claim such as `cognito:groups` comes as "[a b]".
import type { Identity } from '#core/identity';
import { SUMMARIES_READ_FULL_SCOPE } from '#core/identity';
import { organisationClaim } from '#core/org-claims';
import { findOrganisation, isValidOn, SST_ORG_ID } from '#core/registry';
import { danishDate } from '#core/danish-time';
import { Problem } from '#core/problems';
import type { Role } from '#schemas/api';

export type Claims = Record<string, string | number | boolean | string[]>;

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // Not JSON: API Gateway's own "[a b]" form.
    }
    return trimmed.slice(1, -1).split(/[\s,]+/).filter(Boolean);
  }
  return trimmed.split(/\s+/).filter(Boolean);
}

const ROLE_ORDER: Role[] = ['sst-admin', 'sst-reader', 'reporter', 'author'];

/**
 * Undefined when the claims name no usable role (the caller is then refused with 403). The
 * organisation comes from `custom:orgId`, or for a federated user from `custom:fedOrgId` only
 * (core/identity.ts, organisationClaim). A
 * reporter whose organisation is SST, or is not in the registry on today's Danish date (unknown,
 * merged away, not yet founded), is refused outright (401): such a token speaks for nobody who
 * reports, and SST's own rights must never follow from a reporter's organisation claim.
 */
export function identityFromClaims(claims: Claims | undefined, scopes?: string[] | null, now: Date = new Date()): Identity | undefined {
  if (!claims) return undefined;
  const subject = String(claims['sub'] ?? claims['client_id'] ?? '');
  if (!subject) return undefined;
  const name = String(claims['name'] ?? claims['email'] ?? claims['cognito:username'] ?? claims['username'] ?? subject);
  const groups = list(claims['cognito:groups']);
  // Whole scope strings: `other/summaries.read` is another resource server's permission, not ours.
  const granted = [...new Set([...list(scopes ?? []), ...list(claims['scope'])])];
  const role = ROLE_ORDER.find((r) => groups.includes(r));
  if (role === 'reporter') {
    const orgId = organisationClaim(claims);
    if (!orgId) return undefined;
    if (orgId === SST_ORG_ID || !isValidOn(orgId, danishDate(now))) {
      throw new Problem('unauthenticated', 'Dit login hører ikke til en organisation, der indberetter i Statusportalen i dag. Kontakt Sundhedsstyrelsen.');
    }
    return { subject, name, role, orgId, scopes: granted };
  }
  if (role === 'author') {
    // A co-author of SST's publications speaks for a national authority other than SST; its
    // rights come from the publications that authority is invited to, never from the claim.
    const orgId = organisationClaim(claims);
    if (!orgId) return undefined;
    if (orgId === SST_ORG_ID || findOrganisation(orgId)?.kind !== 'authority') {
      throw new Problem('unauthenticated', 'Dit login hører ikke til en myndighed, der skriver med på Sundhedsstyrelsens publikationer. Kontakt Sundhedsstyrelsen.');
    }
    return { subject, name, role, orgId, scopes: [] };
  }
  if (role) return { subject, name, role, orgId: SST_ORG_ID, scopes: granted };
  if (granted.includes(SUMMARIES_READ_FULL_SCOPE)) return { subject, name, role: 'machine', orgId: SST_ORG_ID, scopes: granted };
  return undefined;
}
