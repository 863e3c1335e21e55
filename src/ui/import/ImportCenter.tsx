/**
 * Where every import starts: opens the requested file or pasted text, shows a bad file's
 * problem, runs the import dialog, and listens for drops and pastes on the window.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableId } from '../../domain/ids';
import type { ImportSpec, ImportSummary, SourceProblem } from '../../domain/import/types';
import { useAppStore } from '../../state/store';
import { Dialog } from '../components/Dialog';
import '../styles/import.css';
import { ImportDialog } from './ImportDialog';
import type { KeyChooser } from './importDraft';
import type { ImportRequest } from './importLauncher';
import { listenForImports, requestImport } from './importLauncher';
import type { ImportSource, ReportBuilder } from './importSource';
import { useFileDrop, usePasteImport } from './useImportTriggers';

export type OpenedSource =
  { ok: true; handle: ImportSource & { close(): void } } | { ok: false; problem: SourceProblem };

/** What the center needs from state/importer (injected so that tests can fake it). */
export interface ImportServices {
  openFile(file: File): Promise<OpenedSource>;
  openText(text: string, name: string): Promise<OpenedSource>;
  chooseKey: KeyChooser;
  reportCsv: ReportBuilder;
}

export interface ImportCenterProps {
  services: ImportServices;
  /** Pasting cells imports them only while this says so (the open table has no records). */
  canPaste: () => boolean;
  onOpenTable: (tableId: TableId) => void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'opening'; name: string }
  | { kind: 'problem'; name: string; problem: SourceProblem }
  | { kind: 'open'; handle: ImportSource & { close(): void }; pasted: boolean };

export function ImportCenter({ services, canPaste, onOpenTable }: ImportCenterProps) {
  const { t } = useTranslation();
  const schema = useAppStore((s) => s.schema);
  const activeTableId = useAppStore((s) => s.activeTableId);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const idle = phase.kind === 'idle';

  useEffect(() => {
    if (!idle) return;
    return listenForImports((request: ImportRequest) => {
      const name = request.kind === 'file' ? request.file.name : request.name;
      setPhase({ kind: 'opening', name });
      const opening =
        request.kind === 'file'
          ? services.openFile(request.file)
          : services.openText(request.text, request.name);
      opening.then(
        (result) =>
          setPhase(
            result.ok
              ? { kind: 'open', handle: result.handle, pasted: request.kind === 'text' }
              : { kind: 'problem', name, problem: result.problem },
          ),
        () => setPhase({ kind: 'problem', name, problem: 'unreadable' }),
      );
    });
  }, [idle, services]);

  const dragging = useFileDrop(idle, (file) => requestImport({ kind: 'file', file }));
  usePasteImport(idle, canPaste, (text) =>
    requestImport({ kind: 'text', text, name: t('importer.pastedName') }),
  );

  const closeDialog = useCallback(() => {
    if (phase.kind === 'open') phase.handle.close();
    setPhase({ kind: 'idle' });
  }, [phase]);
  const onImported = useCallback(
    (summary: ImportSummary, spec: ImportSpec) => {
      if (spec.mode === 'newTable') onOpenTable(summary.tableId);
    },
    [onOpenTable],
  );

  return (
    <>
      {dragging ? <DropOverlay /> : null}
      {phase.kind === 'opening' ? (
        <Dialog title={t('importer.button')} onClose={() => {}} testId="import-opening">
          <p>{t('importer.opening', { name: phase.name })}</p>
        </Dialog>
      ) : null}
      {phase.kind === 'problem' ? (
        <ProblemDialog name={phase.name} problem={phase.problem} onClose={closeDialog} />
      ) : null}
      {phase.kind === 'open' && schema ? (
        <ImportDialog
          source={phase.handle}
          schema={schema}
          tableId={activeTableId ?? undefined}
          chooseKey={services.chooseKey}
          mode={phase.pasted ? 'append' : 'newTable'}
          reportCsv={services.reportCsv}
          onImported={onImported}
          onOpenTable={onOpenTable}
          onClose={closeDialog}
        />
      ) : null}
    </>
  );
}

function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div className="import-drop" data-testid="import-drop">
      <div className="import-drop-card">
        <strong>{t('importer.dropHint')}</strong>
        <span>{t('importer.dropSub')}</span>
      </div>
    </div>
  );
}

function ProblemDialog(props: { name: string; problem: SourceProblem; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('importer.problems.title')}
      onClose={props.onClose}
      testId="import-problem"
      footer={
        <button type="button" className="btn btn-primary" autoFocus onClick={props.onClose}>
          {t('actions.ok')}
        </button>
      }
    >
      <p role="alert" data-testid="import-problem-message">
        {t(`importer.problems.${props.problem}`, { name: props.name })}
      </p>
      <p className="import-hint">{t('importer.problems.nothingChanged')}</p>
    </Dialog>
  );
}
