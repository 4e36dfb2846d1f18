// Sign-in. Locally: pick a seeded role and organisation and get a dev token. On AWS: one
// button to Cognito's hosted UI (authorization code + PKCE, see auth.ts).
import { useState, type FormEvent } from 'react';
import { devReaderToken, devSignIn, startCognitoSignIn } from '../auth.ts';
import type { WebConfig } from '../config.ts';
import { t } from '../i18n.ts';
import type { Organisation, Role } from '../types.ts';
import { LoadError, Loading, Notice, PageTitle, useLoad } from '../components/common.tsx';

export function SignInPage({ config, onSignedIn }: { config: WebConfig; onSignedIn: () => void }) {
  if (config.auth.mode === 'cognito') {
    const auth = config.auth;
    return (
      <>
        <PageTitle title={t('signInTitle')}>{t('signInTitle')}</PageTitle>
        <p>{t('signInCognitoIntro')}</p>
        <button type="button" className="btn btn-primary" onClick={() => void startCognitoSignIn(auth, '#/')}>
          {t('signInCognito')}
        </button>
      </>
    );
  }
  return <DevSignIn config={config} onSignedIn={onSignedIn} />;
}

function DevSignIn({ config, onSignedIn }: { config: WebConfig; onSignedIn: () => void }) {
  // The organisation list is protected like every API read: a throwaway reader token fetches it.
  const orgs = useLoad(async () => {
    const token = await devReaderToken(config);
    const res = await fetch(`${config.apiBaseUrl}/orgs`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`orgs: ${res.status}`);
    return ((await res.json()) as { items: Organisation[] }).items;
  }, []);
  const [role, setRole] = useState<Role>('reporter');
  const [orgId, setOrgId] = useState('kommune-101');
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await devSignIn(config, role, role === 'reporter' ? orgId : role === 'author' ? 'social-og-boligstyrelsen' : undefined);
      onSignedIn();
    } catch {
      setError(t('signInFailed'));
    }
  };

  const regions = (orgs.data ?? []).filter((o) => o.kind === 'region');
  const municipalities = (orgs.data ?? []).filter((o) => o.kind === 'municipality').sort((a, b) => a.name.localeCompare(b.name, 'da'));
  // Danske Regioner (coordinating the regions' contributions) and the other organisations; SST signs in by role.
  const others = (orgs.data ?? []).filter((o) => o.kind !== 'region' && o.kind !== 'municipality' && o.id !== 'sst');

  return (
    <>
      <PageTitle title={t('signInTitle')}>{t('signInTitle')}</PageTitle>
      <p>{t('signInIntro')}</p>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      {orgs.error && <LoadError message={orgs.error} status={orgs.status} onRetry={orgs.reload} />}
      {orgs.loading && !orgs.data ? (
        <Loading />
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <fieldset>
            <legend>{t('signInRole')}</legend>
            {(
              [
                ['reporter', t('roleReporter')],
                ['sst-admin', t('roleSstAdmin')],
                ['sst-reader', t('roleSstReader')],
                ['author', t('roleAuthor')],
              ] as const
            ).map(([value, label]) => (
              <div className="radio" key={value}>
                <label>
                  <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} /> {label}
                </label>
              </div>
            ))}
          </fieldset>
          {role === 'reporter' && (
            <div className="form-group">
              <label htmlFor="dev-org" className="control-label">
                {t('signInOrg')}
              </label>
              <p id="dev-org-hint" className="help-block">
                {t('signInOrgHint')}
              </p>
              <select id="dev-org" className="form-control" aria-describedby="dev-org-hint" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
                <optgroup label={t('regions')}>
                  {regions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('municipalities')}>
                  {municipalities.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
                {others.length > 0 && (
                  <optgroup label={t('otherOrganisations')}>
                    {others.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </div>
          )}
          <button type="submit" className="btn btn-primary">
            {t('signInButton')}
          </button>
        </form>
      )}
    </>
  );
}
