/**
 * Connects a mounted grid to its table: the rows come from the session's record store through
 * a RowView, the export can ask for the shown rows, ticked rows of deleted records are
 * forgotten, and the first rows are kept for the next launch's first screen.
 */
import type { GridApi } from 'ag-grid-community';
import { useEffect, useRef, useState } from 'react';
import type { TableId } from '../../domain/ids';
import type { TableRecord } from '../../domain/model';
import { FIRST_SCREEN_ROWS, saveFirstScreen } from '../../state/firstScreen';
import { firstScreenFormulas } from '../../state/formulas';
import { recordStore } from '../../state/session';
import { useAppStore } from '../../state/store';
import { registerDisplayedRows } from './displayedRows';
import type { RowFeed } from './gridRows';
import { attachRows } from './gridRows';
import type { RowViewSpec } from './rowView';
import type { RowSelection } from './selection';

export interface RowFeedEvents {
  onDisplayedCount: (count: number) => void;
  /** Once the grid has painted the rows of the fully loaded table. */
  onFirstRows?: () => void;
}

export function useRowFeed(
  gridApi: GridApi<TableRecord> | null,
  tableId: TableId,
  spec: RowViewSpec,
  selection: RowSelection,
  events: RowFeedEvents,
) {
  const [feed, setFeed] = useState<RowFeed | null>(null);
  const feedRef = useRef<RowFeed | null>(null);
  feedRef.current = feed;
  const latest = useRef({ spec, events });
  latest.current = { spec, events };
  // The store of the open session: a backup restored over the workspace opens a new session
  // with new stores under the same table ids, and the grid must follow them.
  const store = recordStore(tableId);
  useEffect(() => {
    if (!gridApi) return;
    let detach: (() => void) | undefined;
    // The rows in a task of their own: the grid has just drawn its header in this one (the two
    // together took 50–60 ms of CPU on the test machine).
    const timer = setTimeout(() => {
      const attached = attachRows(
        gridApi,
        store,
        latest.current.spec,
        (view) => {
          latest.current.events.onDisplayedCount(view.count);
          selection.keepShown(view);
          selection.refreshHeader();
        },
        () => latest.current.events.onFirstRows?.(),
      );
      setFeed(attached);
      // The export asks which rows are shown, in the grid's order, once the view is complete.
      const unregister = registerDisplayedRows(tableId, async () => {
        await attached.whenShowsAll();
        return attached.view.ids();
      });
      const forgetDeleted = store.subscribe((delta) => {
        if (delta.reset) selection.clear();
        else selection.drop(delta.removed);
      });
      detach = () => {
        forgetDeleted();
        unregister();
        attached.detach();
        setFeed(null);
      };
    }, 0);
    return () => {
      clearTimeout(timer);
      detach?.();
    };
  }, [gridApi, tableId, store, selection]);

  useEffect(() => feed?.setSpec(spec), [feed, spec]);

  // Keep what the grid shows first for the next launch's first screen.
  useEffect(() => {
    if (!gridApi) return;
    const save = () => {
      const workspaceId = useAppStore.getState().workspaceId;
      const shown = feedRef.current?.view;
      if (!workspaceId || !shown || !recordStore(tableId).complete) return;
      // A search is not restored on launch, so its filtered rows are not what shows first.
      if (useAppStore.getState().search) return;
      const rows: TableRecord[] = [];
      for (let i = 0; i < Math.min(FIRST_SCREEN_ROWS, shown.count); i++) {
        const data = shown.rowAt(i);
        if (data) rows.push(data);
      }
      saveFirstScreen(workspaceId, tableId, rows, firstScreenFormulas(tableId, rows));
    };
    const onHide = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      save();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
    };
  }, [gridApi, tableId]);

  return { feed, feedRef };
}
