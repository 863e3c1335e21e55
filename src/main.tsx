import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { preloadGrid } from './ui/grid/LazyGrid';
import { warmFonts, warmStrikes } from './ui/fontWarmup';
import { initI18n, normaliseLanguage, warmLocaleData } from './ui/i18n';
import { registerServiceWorker } from './ui/pwa';
import { startFormulaSync } from './state/formulas';
import { guardPendingWrites } from './state/session';
import { boot, lastWorkspaceId } from './state/workspace';
import './ui/styles/base.css';

// The warm-up measures text in the page's language: the one the interface will most likely show
// (the browser's, as App picks it when the workspace names none; App sets the workspace's own).
document.documentElement.lang = normaliseLanguage(navigator.language);
// A worker loads the fonts first (see fontWarmup), started before anything else competes for
// the processor: the interface's first layouts then wait for no font file. Until then the page
// shows index.html's splash, which has no text.
const fontsWarm = warmFonts();

// Open the database before React renders, so records load while the UI starts; in a task of
// its own (Dexie's set-up and the open take ~5 ms), after the one that evaluates the modules.
startFormulaSync();
setTimeout(() => void boot(), 0);
guardPendingWrites(window);
// A returning user's workspace opens next: its grid's code loads from now on.
if (lastWorkspaceId() !== null) void preloadGrid();

/**
 * The interface starts in a task of its own too: evaluating the modules fills one (~25 ms of
 * CPU on the test machine, and more while other chunks load).
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
void fontsWarm.then(() => warmStrikes()).then(startInterface);
