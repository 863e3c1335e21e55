/** Steps 2 and 3's state: running the import with an AbortController, and how it ended. */
import { useRef, useState } from 'react';
import type { ImportProgress, ImportSpec, ImportSummary } from '../../domain/import/types';
import type { ImportSource } from './importSource';

export type RunStep =
  | { kind: 'mapping' }
  | { kind: 'running'; progress: ImportProgress | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; detail: string }
  | { kind: 'done'; summary: ImportSummary };

export function useImportRun(
  source: ImportSource,
  onImported: ((summary: ImportSummary, spec: ImportSpec) => void) | undefined,
) {
  const [step, setStep] = useState<RunStep>({ kind: 'mapping' });
  const abortRef = useRef<AbortController | null>(null);

  const start = async (spec: ImportSpec) => {
    const controller = new AbortController();
    abortRef.current = controller;
    setStep({ kind: 'running', progress: null });
    // Progress can arrive after the end (a last chunk): it must not bring the bar back.
    const onProgress = (progress: ImportProgress) =>
      setStep((s) => (s.kind === 'running' ? { kind: 'running', progress } : s));
    try {
      const summary = await source.run(spec, onProgress, controller.signal);
      if (!summary) return setStep({ kind: 'cancelled' });
      setStep({ kind: 'done', summary });
      onImported?.(summary, spec);
    } catch (err) {
      setStep({ kind: 'failed', detail: err instanceof Error ? err.message : String(err) });
    } finally {
      abortRef.current = null;
    }
  };

  return {
    step,
    start: (spec: ImportSpec) => void start(spec),
    cancel: () => abortRef.current?.abort(),
    back: () => setStep({ kind: 'mapping' }),
  };
}
