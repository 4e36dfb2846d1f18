// Entry point: read the runtime config, finish a Cognito redirect if this is one, learn which
// optional API features exist, then render.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { configureApi } from './api.ts';
import { completeCognitoSignIn } from './auth.ts';
import { loadConfig } from './config.ts';
import { loadFeatures } from './features.ts';
import { currentLang, setLang, t } from './i18n.ts';
import './styles.css';

async function start() {
  setLang(currentLang());
  const root = createRoot(document.getElementById('app')!);
  try {
    const config = await loadConfig();
    configureApi(config);
    if (config.auth.mode === 'cognito') {
      try {
        await completeCognitoSignIn(config.auth);
      } catch {
        // A failed or forged redirect simply leaves the user signed out on the sign-in page.
      }
    }
    loadFeatures(config);
    root.render(<App config={config} />);
  } catch (err) {
    root.render(
      <main className="container">
        <h1>{t('appName')}</h1>
        <p role="alert">{t('errorGeneric', String(err))}</p>
      </main>,
    );
  }
}

void start();
