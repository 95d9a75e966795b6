const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO timestamp as the value of an `<input type="datetime-local">`, in
 * the browser's time zone.
 */
export function toDateTimeLocal(iso?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

/**
 * The value of an `<input type="datetime-local">` as ISO 8601 with the
 * browser's offset (the API wants an offset, and the writer meant their
 * own wall clock), or undefined when empty.
 */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (isNaN(d.getTime())) return undefined;
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(
    Math.floor(abs / 60),
  )}:${pad(abs % 60)}`;
}

/**
 * The browser's time zone, in which a `datetime-local` value is meant: its
 * IANA name and its offset from UTC on the given day (so summer time shows
 * as it will be then), e.g. `{ zone: 'Asia/Tokyo', offset: '+9' }`; the
 * offset is empty for UTC itself.
 */
export function timeZoneOf(value?: string): { zone: string; offset: string } {
  const at = value ? new Date(value) : new Date();
  const date = isNaN(at.getTime()) ? new Date() : at;
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  const offset =
    minutes === 0
      ? ''
      : `${minutes > 0 ? '+' : '-'}${Math.floor(abs / 60)}${
          abs % 60 ? `:${pad(abs % 60)}` : ''
        }`;
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  return { zone, offset };
}
