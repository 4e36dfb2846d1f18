// Development tokens for tests, signed once per role and organisation.
import type { DevAuth } from '../../local/dev-auth.ts';
import type { Role } from '#schemas/api';

export function cachedTokens(devAuth: DevAuth): (role: Role, orgId?: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (role, orgId) => {
    const key = `${role}/${orgId ?? ''}`;
    let t = tokens.get(key);
    if (!t) {
      t = devAuth.sign({ role, orgId });
      tokens.set(key, t);
    }
    return t;
  };
}
