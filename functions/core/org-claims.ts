// Which token claim names the organisation a person acts for. Apart from identity.ts so that the
// web app (which reads the same rule for display) does not load the organisation registry with it.

/** The Cognito attribute naming a reporter's or author's organisation: set by SST once, immutable. */
export const ORG_ATTRIBUTE = 'orgId';
/**
 * The attribute naming a federated user's organisation: Cognito writes it from the identity
 * provider's assertion at every federated sign-in, so it must be mutable (Cognito refuses to
 * rewrite an immutable one, and the sign-in fails). Honoured only for federated tokens.
 */
export const FEDERATED_ORG_ATTRIBUTE = 'fedOrgId';
export const ORG_CLAIM = `custom:${ORG_ATTRIBUTE}`;
export const FEDERATED_ORG_CLAIM = `custom:${FEDERATED_ORG_ATTRIBUTE}`;

/**
 * Whether the token is a federated user's: Cognito puts an `identities` claim (the linked
 * provider identities) in the ID token of such users only, and no user can write it. It may come
 * as an array, as JSON, or stringified by API Gateway's authorizer: any non-empty form counts.
 */
export function isFederated(claims: Readonly<Record<string, unknown>>): boolean {
  const value = claims['identities'];
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value !== 'string') return false;
  const trimmed = value.trim();
  return trimmed !== '' && trimmed !== '[]' && trimmed !== 'null' && trimmed !== '[null]';
}

/**
 * The organisation a token speaks for: a federated user's from `custom:fedOrgId` (what the
 * identity provider asserted at this sign-in) and never `custom:orgId`; everyone else's from
 * `custom:orgId` and never `custom:fedOrgId`, so that a value in the mutable attribute can
 * never move a password user to another organisation.
 */
export function organisationClaim(claims: Readonly<Record<string, unknown>>): string | undefined {
  const value = claims[isFederated(claims) ? FEDERATED_ORG_CLAIM : ORG_CLAIM];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
