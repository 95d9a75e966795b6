/**
 * Saves an iCalendar text as a file. The API needs credentials, so the
 * text is fetched by the plugin's client and handed to the browser as a
 * Blob behind an object URL, not as a plain link to the API.
 */
export function downloadCalendar(text: string, filename: string): void {
  const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
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
