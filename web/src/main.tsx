import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/App';
import { startScreen } from './app/screens';
import { rememberedSchool } from './app/early-requests';
import { startSession } from './app/school';
import { t } from './i18n';
import './ui/styles.css';

document.documentElement.lang = t.lang;
const queryClient = createQueryClient();
// The login check, the user's schools and the address's screen (its code and first request) start now, side by side.
if (location.pathname !== '/anmelden') startSession(queryClient);
startScreen(queryClient, location.pathname, new URLSearchParams(location.search), rememberedSchool());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
