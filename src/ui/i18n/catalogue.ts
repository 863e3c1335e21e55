/** Merges the per-area bundles. Add an area here when adding a file under locales/. */
import { columns } from './locales/columns';
import { common } from './locales/common';
import { exporting } from './locales/exporting';
import { formula } from './locales/formula';
import { grid } from './locales/grid';
import { importer } from './locales/importer';
import { shell } from './locales/shell';

type Bundle = Record<string, unknown>;
const areas: { en: Bundle; 'zh-CN': Bundle }[] = [
  common,
  shell,
  columns,
  grid,
  formula,
  importer,
  exporting,
];

export const catalogue = {
  en: Object.assign({}, ...areas.map((a) => a.en)) as Bundle,
  'zh-CN': Object.assign({}, ...areas.map((a) => a['zh-CN'])) as Bundle,
};
