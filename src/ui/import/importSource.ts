/**
 * What the import dialog needs from an opened file (state/importer's ImportHandle has this
 * shape), so the dialog can be rendered and tested with any object that reads a source.
 */
import type {
  ImportProgress,
  ImportSpec,
  ImportSummary,
  Preview,
  PreviewRequest,
  RawCell,
  SourceInfo,
} from '../../domain/import/types';
import type { Language } from '../../domain/model';

export interface ImportSource {
  readonly info: SourceInfo;
  preview(request: PreviewRequest): Promise<Preview>;
  /** Resolves with the summary, or null when cancelled (nothing changed). */
  run(
    spec: ImportSpec,
    onProgress: (p: ImportProgress) => void,
    signal: AbortSignal,
  ): Promise<ImportSummary | null>;
}

/** The problem report as CSV text (without BOM), headers in `language`. */
export type ReportBuilder = (summary: ImportSummary, language: Language) => string;

/** A source cell as the preview shows it: always text. */
export function formatRawCell(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}
