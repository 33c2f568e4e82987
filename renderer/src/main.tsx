import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { maskForLog } from '../../common/mask';
import { connectKioskApi, modeHint, NoKioskApiError } from './api/connect-kiosk-api';
import { guardDocument } from './app/document-guard';
import { KioskRoot, StandaloneScreen } from './app/KioskRoot';
import { reportProblem } from './app/report-problem';
import { DEFAULT_LANGUAGE } from './i18n/translate';
import { OutOfServiceScreen } from './shell/OutOfServiceScreen';
import './theme/index.css';

// Before anything renders, so the fallback screens below are covered too.
guardDocument(document);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
// React's own error reports go through the masked reporter too, never raw to the console (§8.7).
const reactError = (what: string) => (error: unknown) => reportProblem(what, { error: maskForLog(error) });
const root = createRoot(container, {
  onCaughtError: reactError('react: caught error'),
  onUncaughtError: reactError('react: uncaught error'),
  onRecoverableError: reactError('react: recoverable error'),
});
const mode = modeHint(window.location);

try {
  const api = connectKioskApi(window, (level, msg, fields) => {
    if (level === 'warn' || level === 'error') reportProblem(msg, fields);
  });
  root.render(
    <StrictMode>
      <KioskRoot api={api} modeHint={mode} />
    </StrictMode>,
  );
} catch (err) {
  if (!(err instanceof NoKioskApiError)) reportProblem('renderer start-up failed', { error: maskForLog(err) });
  root.render(
    <StandaloneScreen mode={mode} language={DEFAULT_LANGUAGE}>
      <OutOfServiceScreen />
    </StandaloneScreen>,
  );
}
