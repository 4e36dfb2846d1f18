// Who is asking, in the project's own terms. The HTTP edge builds an Identity from the
// JWT claims that API Gateway's authorizer (or the local server, acting as it) verified.
import type { Role } from '#schemas/api';
import { SST_ORG_ID } from '#core/registry';

export interface Identity {
  /** Stable subject id (Cognito `sub`, or the machine client's id). */
  subject: string;
  /** Human-readable name for audit trails and conflict messages. */
  name: string;
  role: Role | 'machine';
  /** The organisation the caller acts for; SST staff act for `sst`. */
  orgId: string;
  scopes: string[];
}

export const isSst = (who: Identity): boolean => who.role === 'sst-admin' || who.role === 'sst-reader';

export const SUMMARIES_READ_SCOPE = 'summaries.read';
/**
 * The scope as a client-credentials token carries it: the resource server's id, a slash, the
 * scope. Only this whole string grants summaries; another resource server's `summaries.read`
 * (say `other/summaries.read`) is another API's permission.
 */
export const SUMMARIES_READ_FULL_SCOPE = `statusportalen/${SUMMARIES_READ_SCOPE}`;

/** Who acted, as every audit event records it: the stable id beside the name a token claims. */
export interface Actor {
  /** Display name from the token: for people to read, never to tell people apart. */
  actor: string;
  /** The token's stable subject (Cognito `sub`, or the machine client's id). */
  actorId: string;
  actorRole: Identity['role'];
  actorOrgId: string;
}

export const actorOf = (who: Identity): Actor => ({ actor: who.name, actorId: who.subject, actorRole: who.role, actorOrgId: who.orgId });

export function sstIdentity(subject: string, role: 'sst-admin' | 'sst-reader', name = subject): Identity {
  return { subject, name, role, orgId: SST_ORG_ID, scopes: [] };
}
