/**
 * Hands a fetched file to the browser's download (a blob: URL, revoked once the click has started it).
 * Files come through the API client with the session, because a plain link cannot carry it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
