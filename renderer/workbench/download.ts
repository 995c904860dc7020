/** Hands bytes to the user as a file download (the page's own link, no host round trip). */
export function downloadFile(name: string, bytes: Uint8Array, type = 'application/octet-stream'): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // The click starts the download at once; the URL is kept a while for slow browsers' handlers.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
