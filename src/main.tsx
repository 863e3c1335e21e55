import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initI18n, warmLocaleData } from './ui/i18n';
import { registerServiceWorker } from './ui/pwa';
import { startFormulaSync } from './state/formulas';
import { guardPendingWrites } from './state/session';
import { boot } from './state/workspace';
import './ui/styles/base.css';

// Open the database before React renders, so records load while the UI starts.
startFormulaSync();
void boot();
guardPendingWrites(window);

/**
 * The interface starts in a task of its own: evaluating the modules and opening the database
 * already fill one (~35 ms of CPU on the test machine, and more while other chunks load).
 */
function startInterface(): void {
  initI18n();
  warmLocaleData();
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  }
  registerServiceWorker();
}
setTimeout(startInterface, 0);
