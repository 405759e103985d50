import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/cards.css';
import './styles/note.css';
import './styles/forms.css';
import './styles/pages.css';
import './styles/social.css';

initI18n();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
