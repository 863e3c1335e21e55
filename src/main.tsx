import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initI18n, warmLocaleData } from './ui/i18n';
import { registerServiceWorker } from './ui/pwa';
import { startFormulaSync } from './state/formulas';
import { guardPendingWrites } from './state/session';
import { boot } from './state/workspace';
import './ui/styles/base.css';

initI18n();
warmLocaleData();
// Open the database before React renders, so records load while the UI starts.
startFormulaSync();
void boot();
guardPendingWrites(window);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
registerServiceWorker();
