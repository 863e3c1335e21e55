/**
 * The import dialog: preview and mapping, then progress with a Cancel button, then the
 * summary. It works on any ImportSource, so tests can drive it with a fake one.
 */
import { useCallback, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableId } from '../../domain/ids';
import type {
  ImportMode,
  ImportProgress,
  ImportSpec,
  ImportSummary,
} from '../../domain/import/types';
import type { SchemaState } from '../../domain/schemaState';
import { Dialog } from '../components/Dialog';
import { currentLanguage } from '../i18n';
import '../styles/import.css';
import type { KeyChooser } from './importDraft';
import { stripExtension } from './importDraft';
import type { ImportSource, ReportBuilder } from './importSource';
import { MappingBody, MappingFooter } from './MappingStep';
import { downloadReport, ProgressView, SummaryView } from './RunSteps';
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

type Step =
  | { kind: 'mapping' }
  | { kind: 'running'; progress: ImportProgress | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: string }
  | { kind: 'done'; summary: ImportSummary };

export function ImportDialog(props: ImportDialogProps) {
  const { t } = useTranslation();
  const { source, onClose } = props;
  const mapping = useMapping(props);
  const [step, setStep] = useState<Step>({ kind: 'mapping' });
  const abortRef = useRef<AbortController | null>(null);
  const running = step.kind === 'running';
  // Esc and Close do nothing while the import runs: Cancel is the way out.
  const close = useCallback(() => {
    if (!running) onClose();
  }, [running, onClose]);

  const start = async (spec: ImportSpec) => {
    const controller = new AbortController();
    abortRef.current = controller;
    setStep({ kind: 'running', progress: null });
    const onProgress = (progress: ImportProgress) =>
      setStep((s) => (s.kind === 'running' ? { kind: 'running', progress } : s));
    try {
      const summary = await source.run(spec, onProgress, controller.signal);
      if (!summary) return setStep({ kind: 'cancelled' });
      setStep({ kind: 'done', summary });
      props.onImported?.(summary, spec);
    } catch (err) {
      setStep({ kind: 'failed', detail: err instanceof Error ? err.message : String(err) });
    } finally {
      abortRef.current = null;
    }
  };

  let body: ReactNode;
  let footer: ReactNode;
  switch (step.kind) {
    case 'mapping':
      body = <MappingBody mapping={mapping} schema={props.schema} info={source.info} />;
      footer = (
        <MappingFooter
          mapping={mapping}
          schema={props.schema}
          onStart={(spec) => void start(spec)}
          onClose={close}
        />
      );
      break;
    case 'running':
      body = <ProgressView progress={step.progress} />;
      footer = (
        <button
          type="button"
          className="btn"
          data-testid="import-cancel"
          onClick={() => abortRef.current?.abort()}
        >
          {t('actions.cancel')}
        </button>
      );
      break;
    case 'done':
      body = <SummaryView summary={step.summary} />;
      footer = <DoneFooter {...props} summary={step.summary} onClose={close} />;
      break;
    default:
      body = (
        <p className="import-message" role="status" data-testid="import-message">
          {step.kind === 'cancelled'
            ? t('importer.cancelled')
            : t('importer.failed', { detail: step.detail })}
        </p>
      );
      footer = (
        <>
          <button type="button" className="btn" onClick={() => setStep({ kind: 'mapping' })}>
            {t('importer.back')}
          </button>
          <button type="button" className="btn btn-primary" onClick={close}>
            {t('actions.close')}
          </button>
        </>
      );
  }
  const title =
    step.kind === 'done' ? t('importer.done') : t('importer.title', { name: source.info.fileName });
  return (
    <Dialog title={title} onClose={close} width={1000} testId="import-dialog" footer={footer}>
      {body}
    </Dialog>
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
