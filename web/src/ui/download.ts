/**
 * Hands a file the API produced to the browser as a download (a POST's answer cannot be a plain link), and returns its
 * object URL for a link to open it again (valid for ten minutes).
 */
export function saveBlob(blob: Blob, filename: string): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return url;
}
