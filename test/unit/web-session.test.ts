// The web app reads role and organisation from the ID token for display and navigation (the API
// decides access): for a federated user it must name the same organisation the API acts for.
import { describe, expect, it } from 'vitest';
import { sessionFromToken } from '../../web/src/auth.ts';

const tokenWith = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`;
const identities = [{ userId: 'abc', providerName: 'MitID-Erhverv', providerType: 'SAML', issuer: null, primary: 'true', dateCreated: '1764633600000' }];

describe('the web session from an ID token', () => {
  it("names a federated reporter's organisation from custom:fedOrgId, as the API does", () => {
    const session = sessionFromToken(tokenWith({ sub: 'f', 'cognito:groups': ['reporter'], identities, 'custom:fedOrgId': 'kommune-101', exp: 2_000_000_000 }));
    expect(session).toMatchObject({ role: 'reporter', orgId: 'kommune-101' });
  });

  it('ignores custom:fedOrgId for a password user and custom:orgId for a federated one', () => {
    expect(sessionFromToken(tokenWith({ sub: 'p', 'cognito:groups': ['reporter'], 'custom:orgId': 'kommune-101', 'custom:fedOrgId': 'kommune-147' }))?.orgId).toBe('kommune-101');
    expect(sessionFromToken(tokenWith({ sub: 'p', 'cognito:groups': ['reporter'], 'custom:fedOrgId': 'kommune-147' }))).toBeUndefined();
    expect(sessionFromToken(tokenWith({ sub: 'f', 'cognito:groups': ['reporter'], identities, 'custom:orgId': 'kommune-101' }))).toBeUndefined();
  });
});
