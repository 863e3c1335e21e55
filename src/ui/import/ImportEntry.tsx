/** The import center wired to the workspace: state/importer reads files, the store says what is open. */
import { useCallback } from 'react';
import type { TableId } from '../../domain/ids';
import {
  defaultKeyColumn,
  openImportFile,
  openImportText,
  problemReportCsv,
} from '../../state/importer';
import { recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import { selectTable } from '../../state/workspace';
import type { ImportServices } from './ImportCenter';
import { ImportCenter } from './ImportCenter';

const SERVICES: ImportServices = {
  openFile: openImportFile,
  openText: openImportText,
  chooseKey: defaultKeyColumn,
  reportCsv: problemReportCsv,
};

/** Pasted cells are imported only into an open, fully loaded table that has no records. */
function canPasteIntoActiveTable(): boolean {
  const { activeTableId, loaded, workspaceId } = useAppStore.getState();
  if (!workspaceId || !activeTableId || loaded[activeTableId] !== true) return false;
  return recordStore(activeTableId).size === 0;
}

export function ImportEntry() {
  const openTable = useCallback((tableId: TableId) => selectTable(tableId), []);
  return (
    <ImportCenter services={SERVICES} canPaste={canPasteIntoActiveTable} onOpenTable={openTable} />
  );
}
