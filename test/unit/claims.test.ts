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

  it('gives no identity to a token with neither group nor scope', () => {
    expect(identityFromClaims({ sub: 'x' })).toBeUndefined();
  });
});
