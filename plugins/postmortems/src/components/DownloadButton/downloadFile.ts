/**
 * Saves a file the API answered with. The API needs credentials, so the
 * file is fetched by the plugin's client and handed to the browser as a
 * Blob behind an object URL, not as a plain link to the API.
 */
export function downloadFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
