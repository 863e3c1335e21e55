/** Step 1 of an import: reading options, destination, and the preview with its column mapping. */
import { useTranslation } from 'react-i18next';
import type { ImportSpec, SourceInfo } from '../../domain/import/types';
import type { SchemaState } from '../../domain/schemaState';
import { listTables } from '../../domain/schemaState';
import { buildSpec, checkDraft, listTargetFields } from './importDraft';
import { MappingTable } from './MappingTable';
import { ModeSection } from './ModeSection';
import { SourceOptions } from './SourceOptions';
import type { MappingState } from './useMapping';

interface MappingStepProps {
  mapping: MappingState;
  schema: SchemaState;
}

export function MappingBody({ mapping, schema, info }: MappingStepProps & { info: SourceInfo }) {
  const { t, i18n } = useTranslation();
  const { loaded, draft, loading, error } = mapping;
  if (error)
    return (
      <p className="import-message field-error">{t('importer.previewFailed', { detail: error })}</p>
    );
  if (!loaded || !draft) return <p className="import-message">{t('importer.loadingPreview')}</p>;
  const nf = new Intl.NumberFormat(i18n.language);
  const fields = draft.mode === 'newTable' ? [] : listTargetFields(schema, draft.tableId);
  return (
    <div className="import-mapping" aria-busy={loading}>
      <p className="import-file" data-testid="import-file-summary">
        <strong>{info.fileName}</strong>{' '}
        <span className="import-muted">
          {t('importer.fileSummary', {
            format: t(`importer.formats.${info.format}`),
            rows: nf.format(loaded.preview.totalRows),
          })}
        </span>
      </p>
      <div className="import-settings">
        <SourceOptions
          info={info}
          preview={loaded.preview}
          disabled={loading}
          onEncoding={mapping.setEncoding}
          onSheet={mapping.setSheet}
          onHeaderRow={mapping.setHeaderRow}
        />
        <ModeSection
          draft={draft}
          tables={listTables(schema)}
          names={loaded.names}
          disabled={loading}
          onMode={mapping.setMode}
          onTableName={mapping.setTableName}
          onTable={mapping.setTable}
          onKeyColumn={mapping.setKeyColumn}
        />
      </div>
      <MappingTable
        preview={loaded.preview}
        draft={draft}
        names={loaded.names}
        fields={fields}
        disabled={loading}
        onChoose={mapping.choose}
        onTarget={mapping.setTarget}
        onRetype={mapping.retype}
        onPolicy={mapping.setPolicy}
      />
    </div>
  );
}

export function MappingFooter({
  mapping,
  schema,
  onStart,
  onClose,
}: MappingStepProps & { onStart: (spec: ImportSpec) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { loaded, draft, loading } = mapping;
  const problem = loaded && draft ? checkDraft(draft, schema, loaded.names) : null;
  return (
    <>
      {problem ? (
        <p className="import-invalid field-error" role="alert" data-testid="import-invalid">
          {t(`importer.invalid.${problem.key}`, problem.params)}
        </p>
      ) : null}
      <button type="button" className="btn" onClick={onClose}>
        {t('actions.cancel')}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="import-start"
        disabled={!loaded || !draft || loading || problem !== null}
        onClick={() => {
          if (loaded && draft) onStart(buildSpec(draft, loaded.preview));
        }}
      >
        {t('importer.start')}
      </button>
    </>
  );
}
