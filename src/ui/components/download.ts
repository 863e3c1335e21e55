/** Saves a Blob as a file through a temporary object URL and an `<a download>` click. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started reading the URL by now; free it once the download surely began.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
