// Local only: signs development tokens and verifies them the way API Gateway's JWT authorizer
// would (signature, issuer, audience, expiry, algorithm). The key lives under .local/ so tokens
// survive a restart; it is never used anywhere but on this machine.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import { findOrganisation, SST_ORG_ID } from '#core/registry';
import { Problem } from '#core/problems';
import { SUMMARIES_READ_SCOPE } from '#core/identity';
import type { Role } from '#schemas/api';

export const DEV_ISSUER = 'statusportalen-local';
export const DEV_AUDIENCE = 'statusportalen-web';
const ALG = 'ES256';

export interface DevAuth {
  sign(request: { role: Role | 'machine'; orgId?: string | undefined; name?: string | undefined }): Promise<string>;
  /** The verified claims, or undefined for a missing, forged, expired or wrongly signed token. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

async function loadKeys(file: string | undefined): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> {
  if (file && existsSync(file)) {
    const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
    return { privateKey: (await importJWK(privateJwk, ALG)) as CryptoKey, publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey };
  }
  const pair = await generateKeyPair(ALG, { extractable: true });
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) }), {
      mode: 0o600,
    });
  }
  return pair;
}

/** `keyFile` persists the signing key; without it the key lives in memory (tests). */
export async function createDevAuth(keyFile?: string): Promise<DevAuth> {
  const { privateKey, publicKey } = await loadKeys(keyFile);
  return {
    async sign({ role, orgId, name }) {
      if (role === 'machine') {
        // What Cognito's client-credentials grant issues: an access token naming the client and
        // its scopes, with no user, no groups and no organisation.
        const clientId = name ?? 'local-sst-machine';
        return new SignJWT({ client_id: clientId, scope: `statusportalen/${SUMMARIES_READ_SCOPE}`, token_use: 'access' })
          .setProtectedHeader({ alg: ALG, typ: 'JWT' })
          .setSubject(clientId)
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setIssuedAt()
          .setExpirationTime('12h')
          .sign(privateKey);
      }
      const org = orgId ?? (role === 'reporter' ? undefined : role === 'author' ? 'social-og-boligstyrelsen' : SST_ORG_ID);
      if (!org) throw new Problem('invalid-body', 'En indberetter skal have en organisation (orgId).', { errors: [{ pointer: '/orgId', message: 'Skal udfyldes.' }] });
      const known = findOrganisation(org);
      if (!known) throw new Problem('invalid-body', `Organisationen "${org}" findes ikke.`, { errors: [{ pointer: '/orgId', message: 'Ukendt organisation.' }] });
      if (role === 'author' && (org === SST_ORG_ID || known.kind !== 'authority')) {
        throw new Problem('invalid-body', 'En medforfatter hører til en national myndighed uden for Sundhedsstyrelsen.', { errors: [{ pointer: '/orgId', message: 'Skal være en myndighed, fx "social-og-boligstyrelsen".' }] });
      }
      if (role !== 'reporter' && role !== 'author' && org !== SST_ORG_ID) {
        throw new Problem('invalid-body', 'Sundhedsstyrelsens roller hører til organisationen "sst".', { errors: [{ pointer: '/orgId', message: 'Skal være "sst".' }] });
      }
      const display =
        name ?? (role === 'reporter' ? `Indberetter, ${known.name}` : role === 'author' ? `Medforfatter, ${known.name}` : role === 'sst-admin' ? 'SST administrator' : 'SST læser');
      return new SignJWT({
        name: display,
        'cognito:groups': [role],
        ...(role === 'reporter' || role === 'author' ? { 'custom:orgId': org } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setSubject(`local-${role}-${org}`)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('12h')
        .sign(privateKey);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: [ALG] });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}
