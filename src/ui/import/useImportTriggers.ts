/** The window-wide import triggers: dropping a file anywhere, and pasting cells into an empty table. */
import { useEffect, useRef, useState } from 'react';
import { isTextEntry } from '../textEntry';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;

/** True while files are dragged over the window; a drop hands the first file on when enabled. */
export function useFileDrop(enabled: boolean, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;
  useEffect(() => {
    // dragenter/dragleave fire for every child crossed: count them to know when it left.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      if (enabled) setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser opens the dropped file in place of the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = enabled ? 'copy' : 'none';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (enabled && file) onFileRef.current(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);
  return dragging;
}

/**
 * A pasted block of cells (text with tabs or line breaks) outside any input, while `canPaste`
 * says the open table is empty and no dialog is open, is handed on to be imported.
 */
export function usePasteImport(
  enabled: boolean,
  canPaste: () => boolean,
  onText: (text: string) => void,
): void {
  const latest = useRef({ canPaste, onText });
  latest.current = { canPaste, onText };
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (e: ClipboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!/[\t\n]/.test(text.trim()) || !latest.current.canPaste()) return;
      e.preventDefault();
      latest.current.onText(text);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [enabled]);
}
