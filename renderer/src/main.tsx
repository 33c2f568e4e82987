import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectKioskApi, NoKioskApiError } from './api/connect-kiosk-api';
import { App } from './app/App';
import { I18nProvider } from './i18n/I18nProvider';
import { DEFAULT_LANGUAGE } from './i18n/translate';
import { OutOfServiceScreen } from './screens/OutOfServiceScreen';
import './theme/index.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

try {
  const api = connectKioskApi();
  root.render(
    <StrictMode>
      <App api={api} />
    </StrictMode>,
  );
} catch (err) {
  if (!(err instanceof NoKioskApiError)) throw err;
  root.render(
    <I18nProvider language={DEFAULT_LANGUAGE}>
      <OutOfServiceScreen />
    </I18nProvider>,
  );
}
