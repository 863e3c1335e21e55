/**
 * How the entry points (toolbar button, drop, paste) hand a file or pasted text to the one
 * ImportCenter that opens it, without threading callbacks through the shell.
 */
export type ImportRequest =
  { kind: 'file'; file: File } | { kind: 'text'; text: string; name: string };

type Listener = (request: ImportRequest) => void;
const listeners = new Set<Listener>();

export function requestImport(request: ImportRequest): void {
  for (const listener of listeners) listener(request);
}

/** Subscribes to import requests; returns the unsubscribe function. */
export function listenForImports(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The file picker's filter: every format the importer reads. */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xls,.xlsx,.ods';
