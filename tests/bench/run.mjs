/**
 * `npm run bench [-- scenario…] [--no-build] [--customers=N]`: builds the app with bench.html,
 * seeds one 100,000-customer workspace into a Chromium profile, then runs each scenario on a copy.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildBench,
  copyProfile,
  launchProfile,
  makeScratch,
  openBenchTab,
  startBenchServer,
} from './lib/browser.mjs';
import { benchLine, printTable } from './lib/report.mjs';
import { runEdit } from './scenarios/edit.mjs';
import { runFormula1m, runFormulaBuild, runFormulaEdit } from './scenarios/formulas.mjs';
import {
  runBackup,
  runExportCsv,
  runImportCsv,
  runImportWrite,
  runImportXlsx,
} from './scenarios/io.mjs';
import { runMemory } from './scenarios/memory.mjs';
import { runOpen } from './scenarios/open.mjs';
import { runScroll } from './scenarios/scroll.mjs';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SCENARIOS = {
  open: runOpen,
  scroll: runScroll,
  edit: runEdit,
  memory: runMemory,
  'formula-build': runFormulaBuild,
  'formula-edit': runFormulaEdit,
  'formula-1m': runFormula1m,
  'import-csv': runImportCsv,
  'import-xlsx': runImportXlsx,
  'export-csv': runExportCsv,
  backup: runBackup,
  'import-write': runImportWrite,
};
/** Scenarios that seed their own workspace (the shared 20-field one is not needed for them). */
const OWN_SEED = new Set([
  'formula-build',
  'formula-edit',
  'formula-1m',
  'import-csv',
  'import-xlsx',
  'export-csv',
  'backup',
  'import-write',
]);
/** Diagnostic scenarios: run only when named. */
const OPT_IN = new Set(['import-write']);

class UsageError extends Error {
  name = 'UsageError';
}

function parseArgs(argv) {
  const names = argv.filter((a) => !a.startsWith('--'));
  for (const n of names)
    if (!(n in SCENARIOS))
      throw new UsageError(`Unknown scenario "${n}" (known: ${Object.keys(SCENARIOS).join(', ')})`);
  const customers = argv.find((a) => a.startsWith('--customers='));
  return {
    names: names.length > 0 ? names : Object.keys(SCENARIOS).filter((n) => !OPT_IN.has(n)),
    build: !argv.includes('--no-build'),
    customers: customers ? Number(customers.split('=')[1]) : 100_000,
  };
}

/** Seeds the workspace into a fresh profile directory, then closes the browser (data on disk). */
async function seedProfile(dir, baseUrl, customers) {
  const context = await launchProfile(dir);
  try {
    const page = await openBenchTab(context, baseUrl);
    await page.evaluate(() => window.bench.clearAll());
    return await page.evaluate(
      (n) => window.bench.seedWorkspace({ customers: n, fields: 20 }),
      customers,
    );
  } finally {
    await context.close();
  }
}

async function runScenario(name, env) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    const result = await SCENARIOS[name](env);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    return {
      scenario: name,
      error: err instanceof Error ? err.message.split('\n')[0] : String(err),
    };
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    console.log('Building the app with bench.html into dist-bench …');
    await buildBench(ROOT);
  }
  const server = await startBenchServer(ROOT);
  const scratch = makeScratch();
  const results = [];
  try {
    const seedDir = join(scratch.dir, 'seed');
    let seed = null;
    if (options.names.some((n) => !OWN_SEED.has(n))) {
      console.log(`Seeding ${options.customers.toLocaleString('en')} customers × 20 fields …`);
      seed = await seedProfile(seedDir, server.url, options.customers);
      console.log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s`);
    }
    let copies = 0;
    const env = {
      baseUrl: server.url,
      scratchDir: scratch.dir,
      formulaCustomers: options.customers,
      seed,
      newProfile: () => launchProfile(copyProfile(seedDir, join(scratch.dir, `run-${++copies}`))),
    };
    for (const name of options.names) {
      const result = await runScenario(name, env);
      results.push(result);
      console.log(benchLine(result));
    }
  } finally {
    scratch.remove();
    await server.close();
  }
  printTable(results);
  console.log(JSON.stringify(results, null, 2));
  if (results.some((r) => r.error)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof UsageError ? err.message : err);
  process.exitCode = 1;
});
