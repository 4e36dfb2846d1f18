import { describe, expect, it } from 'vitest';
import { identityFromClaims } from '#http/claims';

describe('identity from JWT claims', () => {
  it('reads groups in the "[a b]" form API Gateway passes to Lambda', () => {
    const who = identityFromClaims({ sub: 'u1', 'cognito:groups': '[reporter]', 'custom:orgId': 'kommune-101', name: 'Anne' });
    expect(who).toEqual({ subject: 'u1', name: 'Anne', role: 'reporter', orgId: 'kommune-101', scopes: [] });
  });

  it('gives the strongest role when a user is in several groups', () => {
    expect(identityFromClaims({ sub: 'u2', 'cognito:groups': '[reporter sst-admin]' })?.role).toBe('sst-admin');
  });

  it('binds SST staff to the sst organisation whatever the claims say', () => {
    expect(identityFromClaims({ sub: 'u3', 'cognito:groups': '[sst-reader]', 'custom:orgId': 'kommune-101' })?.orgId).toBe('sst');
  });

  it('refuses a reporter without an organisation', () => {
    expect(identityFromClaims({ sub: 'u4', 'cognito:groups': '[reporter]' })).toBeUndefined();
  });

  it('treats a client-credentials token with summaries.read as a machine client', () => {
    const who = identityFromClaims({ sub: 'client-1', client_id: 'client-1' }, ['statusportalen/summaries.read']);
    expect(who?.role).toBe('machine');
    expect(who?.scopes).toEqual(['statusportalen/summaries.read']);
  });

  it("gives no identity to a client whose summaries.read belongs to another resource server", () => {
    expect(identityFromClaims({ sub: 'c', client_id: 'c' }, ['other/summaries.read'])).toBeUndefined();
  });

  it('refuses a reporter claiming SST or an organisation not in the registry that day', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    for (const orgId of ['sst', 'kommune-999', 'region-oestdanmark']) {
      expect(() => identityFromClaims({ sub: 'r', 'cognito:groups': '[reporter]', 'custom:orgId': orgId }, null, at)).toThrow();
    }
    expect(() => identityFromClaims({ sub: 'r', 'cognito:groups': '[reporter]', 'custom:orgId': 'region-1084' }, null, new Date('2027-01-02T12:00:00Z'))).toThrow();
  });

  it('binds an author to its own national authority, with no scopes, and refuses one claiming SST, a region or no organisation', () => {
    const who = identityFromClaims({ sub: 'a1', 'cognito:groups': '[author]', 'custom:orgId': 'social-og-boligstyrelsen', scope: 'statusportalen/summaries.read' });
    expect(who).toEqual({ subject: 'a1', name: 'a1', role: 'author', orgId: 'social-og-boligstyrelsen', scopes: [] });
    for (const orgId of ['sst', 'region-1081', 'kommune-101', 'ukendt']) {
      expect(() => identityFromClaims({ sub: 'a2', 'cognito:groups': '[author]', 'custom:orgId': orgId }), orgId).toThrow();
    }
    expect(identityFromClaims({ sub: 'a3', 'cognito:groups': '[author]' })).toBeUndefined();
  });

  describe('federated users (organisation from custom:fedOrgId)', () => {
    // Cognito's `identities` claim as it may reach the function: an array (a verifier that keeps
    // JSON), JSON text, or API Gateway's bracketed stringification.
    const entry = { userId: 'abc', providerName: 'MitID-Erhverv', providerType: 'SAML', issuer: null, primary: 'true', dateCreated: '1764633600000' };
    const renderings: [string, unknown][] = [
      ['an array', [entry]],
      ['JSON text', JSON.stringify([entry])],
      ["API Gateway's bracketed form", '[map[dateCreated:1764633600000 issuer:<nil> primary:true providerName:MitID-Erhverv providerType:SAML userId:abc]]'],
    ];
    const federated = (identities: unknown, extra: Record<string, string>) =>
      ({ sub: 'f1', 'cognito:username': 'MitID-Erhverv_abc', 'cognito:groups': '[reporter]', identities, ...extra }) as Parameters<typeof identityFromClaims>[0];

    it.each(renderings)('reads a federated reporter\'s organisation from custom:fedOrgId, with identities as %s', (_, identities) => {
      expect(identityFromClaims(federated(identities, { 'custom:fedOrgId': 'kommune-101' }))?.orgId).toBe('kommune-101');
    });

    it('never reads custom:orgId for a federated user, nor custom:fedOrgId for anyone else', () => {
      // A federated token naming an organisation only in the immutable attribute speaks for none.
      expect(identityFromClaims(federated([entry], { 'custom:orgId': 'kommune-101' }))).toBeUndefined();
      expect(identityFromClaims(federated([entry], { 'custom:orgId': 'kommune-101', 'custom:fedOrgId': 'kommune-147' }))?.orgId).toBe('kommune-147');
      // A password user keeps custom:orgId, whatever custom:fedOrgId says; without custom:orgId, nothing.
      expect(identityFromClaims({ sub: 'p1', 'cognito:groups': '[reporter]', 'custom:orgId': 'kommune-101', 'custom:fedOrgId': 'kommune-147' })?.orgId).toBe('kommune-101');
      expect(identityFromClaims({ sub: 'p2', 'cognito:groups': '[reporter]', 'custom:fedOrgId': 'kommune-147' })).toBeUndefined();
      // An empty identities claim is no federation.
      for (const empty of ['', '[]', [], 'null']) {
        expect(identityFromClaims(federated(empty, { 'custom:fedOrgId': 'kommune-147' })), JSON.stringify(empty)).toBeUndefined();
      }
    });

    it('refuses a federated reporter whose asserted organisation is SST or not in the registry that day, and binds a federated author to its authority', () => {
      const at = new Date('2026-06-01T12:00:00Z');
      for (const orgId of ['sst', 'kommune-999', 'region-oestdanmark']) {
        expect(() => identityFromClaims(federated([entry], { 'custom:fedOrgId': orgId }), null, at), orgId).toThrow();
      }
      const author = identityFromClaims({ ...federated([entry], { 'custom:fedOrgId': 'social-og-boligstyrelsen' }), 'cognito:groups': '[author]' });
      expect(author).toMatchObject({ role: 'author', orgId: 'social-og-boligstyrelsen' });
      expect(() => identityFromClaims({ ...federated([entry], { 'custom:fedOrgId': 'sst' }), 'cognito:groups': '[author]' })).toThrow();
    });

    it('keeps SST staff on sst when they sign in through the provider', () => {
      expect(identityFromClaims({ ...federated([entry], { 'custom:fedOrgId': 'kommune-101' }), 'cognito:groups': '[sst-admin]' })?.orgId).toBe('sst');
    });
  });

  it('gives no identity to a token with neither group nor scope', () => {
    expect(identityFromClaims({ sub: 'x' })).toBeUndefined();
  });
});
