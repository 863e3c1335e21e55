/** Opens a real workspace (fake-indexeddb) with one empty table, for tests that run the actions. */
import type { TableId, ViewId } from '../../../src/domain/ids';
import type { SchemaState } from '../../../src/domain/schemaState';
import { listFields, listViews } from '../../../src/domain/schemaState';
import { useAppStore } from '../../../src/state/store';
import { createWorkspace } from '../../../src/state/workspace';

export async function openEmptyWorkspace(): Promise<{ tableId: TableId; viewId: ViewId }> {
  await createWorkspace({
    kind: 'empty',
    language: 'en',
    names: { workspace: 'Shop', table: 'Customers', primaryField: 'Name', view: 'All' },
  });
  const { activeTableId, activeViewId } = useAppStore.getState();
  if (!activeTableId || !activeViewId) throw new Error('workspace did not open');
  return { tableId: activeTableId, viewId: activeViewId };
}

export function currentSchema(): SchemaState {
  const schema = useAppStore.getState().schema;
  if (!schema) throw new Error('no schema');
  return schema;
}

export function fieldNames(tableId: TableId): string[] {
  return listFields(currentSchema(), tableId).map((f) => f.name);
}

export function firstView(tableId: TableId) {
  const view = listViews(currentSchema(), tableId)[0];
  if (!view) throw new Error('no view');
  return view;
}
