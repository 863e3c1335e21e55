/** Supplies the formula editor with the engine's checks and a live preview (once the engine has loaded). */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCell } from '../../domain/fields';
import type { FieldId, TableId } from '../../domain/ids';
import { cellOf } from '../../domain/packedRecords';
import { typeContext } from '../../state/actions';
import { createFormulaPreview } from '../../state/formulaPreview';
import { useAppStore } from '../../state/store';
import { currentLanguage } from '../i18n';
import type { FormulaSupport } from './formulaSupport';
import { PREVIEW_ROWS, showFormulaResult } from './formulaSupport';

export function useFormulaSupport(
  tableId: TableId,
  ownFieldId?: FieldId,
): FormulaSupport | undefined {
  const { t } = useTranslation();
  // Read when a preview is shown: a new `t` (the language changed, or its texts loaded) must not
  // tear the preview's engine down while the dialog still holds its checks.
  const latestT = useRef(t);
  latestT.current = t;
  const [support, setSupport] = useState<FormulaSupport>();
  useEffect(() => {
    let alive = true;
    let destroy: (() => void) | undefined;
    void createFormulaPreview(tableId, ownFieldId, PREVIEW_ROWS).then((preview) => {
      destroy = preview.destroy;
      if (!alive) return preview.destroy();
      const schema = useAppStore.getState().schema;
      const table = schema?.tables[tableId];
      const primary = table ? schema?.fields[table.primaryFieldId] : undefined;
      setSupport({
        validate: (stored) => preview.validate(stored),
        argumentRule: preview.argumentRule,
        preview: async (stored, rows) => {
          const results = await preview.evaluate(stored);
          if (!results) return null;
          const ctx = typeContext(currentLanguage());
          return preview.records.slice(0, rows).map((rec, i) => ({
            label: primary
              ? formatCell(primary, cellOf(rec, primary.id), ctx) ||
                latestT.current('formula.untitled')
              : '',
            result: results[i] ?? null,
          }));
        },
        showResult: (result, options) =>
          showFormulaResult(
            result,
            options,
            typeContext(currentLanguage()),
            useAppStore.getState().schema?.fields,
          ),
      });
    });
    return () => {
      alive = false;
      destroy?.();
    };
  }, [tableId, ownFieldId]);
  return support;
}
