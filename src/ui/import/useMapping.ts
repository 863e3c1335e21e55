/**
 * Step 1's state: the preview request (sheet, header row, encoding), the preview it returned
 * and the mapping draft, re-mapped whenever a new preview arrives or the target changes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldId, TableId } from '../../domain/ids';
import type {
  ColumnTarget,
  ImportMode,
  Preview,
  PreviewRequest,
  TextEncoding,
  UpdatePolicy,
} from '../../domain/import/types';
import type { FieldType } from '../../domain/model';
import type { SchemaState } from '../../domain/schemaState';
import { listFields } from '../../domain/schemaState';
import type { DraftInput, KeyChooser, MappingDraft } from './importDraft';
import {
  createDraft,
  retarget,
  retypeTarget,
  setColumnTarget,
  stripExtension,
  takeUniqueName,
} from './importDraft';
import type { ImportSource } from './importSource';

export interface MappingInput {
  source: ImportSource;
  schema: SchemaState;
  tableId?: TableId;
  chooseKey: KeyChooser;
  /** The mode a fresh draft starts in (pasted cells go into the open table). */
  mode?: ImportMode;
}

interface Loaded {
  preview: Preview;
  names: string[];
}

export function useMapping({ source, schema, tableId, chooseKey, mode }: MappingInput) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<PreviewRequest>({ sheet: 0, headerRow: null });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    source.preview(request).then(
      (preview) => {
        if (!current) return;
        const names = preview.columns.map(
          (c) => c.header.trim() || t('importer.columnN', { n: c.index + 1 }),
        );
        setLoaded({ preview, names });
        setError(null);
        setLoading(false);
        const tableName =
          stripExtension(source.info.fileName).trim() || t('importer.defaultTableName');
        const input = { schema, preview, names, chooseKey, tableId, tableName };
        setDraft((d) => draftForPreview(d, input, mode));
      },
      (err: unknown) => {
        if (!current) return;
        setError(err instanceof Error ? err.message : String(err));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // The schema and table are read once per preview: later store updates must not re-map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, request]);

  const actions = useMappingActions(schema, loaded, chooseKey, setDraft);
  return {
    request,
    loaded,
    loading,
    error,
    draft,
    setEncoding: (encoding: TextEncoding) => setRequest((r) => ({ ...r, encoding })),
    setSheet: (sheet: number) => setRequest((r) => ({ ...r, sheet, headerRow: null })),
    setHeaderRow: (headerRow: number) => setRequest((r) => ({ ...r, headerRow })),
    ...actions,
  };
}

/** A new preview re-maps the draft (its columns may differ); the first one creates it. */
function draftForPreview(
  draft: MappingDraft | null,
  input: DraftInput,
  mode: ImportMode | undefined,
): MappingDraft {
  if (draft) return retarget(draft, {}, input);
  const fresh = createDraft(input);
  return mode && mode !== 'newTable' && input.tableId ? retarget(fresh, { mode }, input) : fresh;
}

type DraftSetter = (update: (d: MappingDraft | null) => MappingDraft | null) => void;

function useMappingActions(
  schema: SchemaState,
  loaded: Loaded | null,
  chooseKey: KeyChooser,
  setDraft: DraftSetter,
) {
  const update = useCallback(
    (fn: (d: MappingDraft, l: Loaded) => MappingDraft) =>
      setDraft((d) => (d && loaded ? fn(d, loaded) : d)),
    [loaded, setDraft],
  );
  return useMemo(
    () => ({
      setMode: (mode: ImportMode) =>
        update((d, l) => retarget(d, { mode }, { schema, ...l, chooseKey })),
      setTable: (tableId: TableId) =>
        update((d, l) => retarget(d, { tableId }, { schema, ...l, chooseKey })),
      setTableName: (tableName: string) => update((d) => ({ ...d, tableName })),
      setKeyColumn: (keyColumn: number | undefined) => update((d) => ({ ...d, keyColumn })),
      setPolicy: (fieldId: FieldId, policy: UpdatePolicy) =>
        update((d) => ({ ...d, policies: { ...d.policies, [fieldId]: policy } })),
      setTarget: (index: number, target: ColumnTarget) =>
        update((d) => setColumnTarget(d, index, target, chooseKey)),
      retype: (index: number, type: FieldType) =>
        update((d, l) => {
          const target = d.columns[index];
          const column = l.preview.columns[index];
          if (target?.kind !== 'new' || !column) return d;
          return setColumnTarget(d, index, retypeTarget(column, target.name, type), chooseKey);
        }),
      choose: (index: number, choice: string) =>
        update((d, l) =>
          setColumnTarget(d, index, targetFor(choice, index, d, l, schema), chooseKey),
        ),
    }),
    [schema, chooseKey, update],
  );
}

/** The target a mapping select's choice stands for; a new field gets a free name. */
function targetFor(
  choice: string,
  index: number,
  draft: MappingDraft,
  loaded: Loaded,
  schema: SchemaState,
): ColumnTarget {
  if (choice === 'skip') return { kind: 'skip' };
  if (choice.startsWith('field:')) return { kind: 'field', fieldId: choice.slice(6) as FieldId };
  const existing =
    draft.mode === 'newTable' || !draft.tableId ? [] : listFields(schema, draft.tableId);
  const taken = new Set(existing.map((f) => f.name.trim().toLowerCase()));
  draft.columns.forEach((c, i) => {
    if (c.kind === 'new' && i !== index) taken.add(c.name.trim().toLowerCase());
  });
  const column = loaded.preview.columns[index];
  const name = takeUniqueName(loaded.names[index] ?? '', taken);
  return column ? retypeTarget(column, name, column.inferred.type) : { kind: 'skip' };
}
export type MappingState = ReturnType<typeof useMapping>;
