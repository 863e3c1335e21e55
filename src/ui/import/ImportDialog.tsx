/**
 * The import dialog: preview and mapping, then progress with a Cancel button, then the
 * summary. It works on any ImportSource, so tests can drive it with a fake one.
 */
import { useCallback } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableId } from '../../domain/ids';
import type { ImportMode, ImportSpec, ImportSummary } from '../../domain/import/types';
import type { SchemaState } from '../../domain/schemaState';
import { Dialog } from '../components/Dialog';
import { currentLanguage } from '../i18n';
import '../styles/import.css';
import type { KeyChooser } from './importDraft';
import { stripExtension } from './importDraft';
import type { ImportSource, ReportBuilder } from './importSource';
import { MappingBody, MappingFooter } from './MappingStep';
import { downloadReport, ProgressView, SummaryView } from './RunSteps';
import type { RunStep } from './useImportRun';
import { useImportRun } from './useImportRun';
import { useMapping } from './useMapping';

export interface ImportDialogProps {
  source: ImportSource;
  schema: SchemaState;
  /** The table proposed for "add to" / "update or add" (usually the open one). */
  tableId?: TableId;
  chooseKey: KeyChooser;
  /** The mode the dialog opens in (default: a new table). */
  mode?: ImportMode;
  reportCsv: ReportBuilder;
  /** A finished import (not called when cancelled or failed). */
  onImported?: (summary: ImportSummary, spec: ImportSpec) => void;
  onOpenTable: (tableId: TableId) => void;
  onClose: () => void;
}

export function ImportDialog(props: ImportDialogProps) {
  const { t } = useTranslation();
  const { source, onClose } = props;
  const mapping = useMapping(props);
  const run = useImportRun(source, props.onImported);
  const running = run.step.kind === 'running';
  // Esc does nothing while the import runs: Cancel is the way out.
  const close = useCallback(() => {
    if (!running) onClose();
  }, [running, onClose]);

  let body: ReactNode;
  let footer: ReactNode;
  if (run.step.kind === 'mapping') {
    body = <MappingBody mapping={mapping} schema={props.schema} info={source.info} />;
    footer = (
      <MappingFooter mapping={mapping} schema={props.schema} onStart={run.start} onClose={close} />
    );
  } else {
    [body, footer] = renderRunStep(run.step, { ...props, onClose: close }, run);
  }
  const title =
    run.step.kind === 'done'
      ? t('importer.done')
      : t('importer.title', { name: source.info.fileName });
  return (
    <Dialog title={title} onClose={close} width={1000} testId="import-dialog" footer={footer}>
      {body}
    </Dialog>
  );
}

/** Body and footer of the steps after mapping: running, cancelled, failed, done. */
function renderRunStep(
  step: Exclude<RunStep, { kind: 'mapping' }>,
  props: ImportDialogProps,
  run: { cancel: () => void; back: () => void },
): [ReactNode, ReactNode] {
  switch (step.kind) {
    case 'running':
      return [<ProgressView progress={step.progress} />, <CancelButton onCancel={run.cancel} />];
    case 'done':
      return [
        <SummaryView summary={step.summary} />,
        <DoneFooter {...props} summary={step.summary} />,
      ];
    default:
      return [<EndMessage step={step} />, <EndFooter onBack={run.back} onClose={props.onClose} />];
  }
}

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="btn" data-testid="import-cancel" onClick={onCancel}>
      {t('actions.cancel')}
    </button>
  );
}

function EndMessage({ step }: { step: Extract<RunStep, { kind: 'cancelled' | 'failed' }> }) {
  const { t } = useTranslation();
  return (
    <p className="import-message" role="status" data-testid="import-message">
      {step.kind === 'cancelled'
        ? t('importer.cancelled')
        : t('importer.failed', { detail: step.detail })}
    </p>
  );
}

function EndFooter({ onBack, onClose }: { onBack: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="btn" onClick={onBack}>
        {t('importer.back')}
      </button>
      <button type="button" className="btn btn-primary" onClick={onClose}>
        {t('actions.close')}
      </button>
    </>
  );
}

function DoneFooter(props: ImportDialogProps & { summary: ImportSummary }) {
  const { t } = useTranslation();
  const { summary, source } = props;
  const saveReport = () => {
    const name = stripExtension(source.info.fileName);
    const csv = props.reportCsv(summary, currentLanguage());
    downloadReport(csv, t('importer.summary.reportFile', { name }));
  };
  return (
    <>
      {summary.problems.length > 0 ? (
        <button type="button" className="btn" data-testid="import-report" onClick={saveReport}>
          {t('importer.summary.download')}
        </button>
      ) : null}
      <div className="import-footer-spacer" />
      <button
        type="button"
        className="btn"
        data-testid="import-open-table"
        onClick={() => {
          props.onOpenTable(summary.tableId);
          props.onClose();
        }}
      >
        {t('importer.summary.openTable')}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="import-close"
        onClick={props.onClose}
      >
        {t('actions.close')}
      </button>
    </>
  );
}
