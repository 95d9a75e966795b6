const DAY_MS = 24 * 60 * 60 * 1000;

/** The `nth` (1–5) `weekday` of a month; the last one if there is no 5th. */
function nthWeekday(
  year: number,
  month: number,
  weekday: number,
  nth: number,
  like: Date,
): Date {
  const first = new Date(year, month, 1);
  const offset = (weekday - first.getDay() + 7) % 7;
  let day = 1 + offset + (nth - 1) * 7;
  const lastDay = new Date(year, month + 1, 0).getDate();
  while (day > lastDay) day -= 7;
  return new Date(year, month, day, like.getHours(), like.getMinutes(), 0, 0);
}

/**
 * When a group's next reading session most likely is: the same weekday of
 * the same week and the same time as its latest one, in the month after it
 * (the third Thursday at 17:00 stays the third Thursday at 17:00), or in
 * the first month after that where it is still ahead. Without a latest
 * session: a week from now at 17:00, far enough ahead to prepare the pick.
 * In the browser's time zone, which is the one its date field shows.
 */
export function nextSessionDate(
  latest: string | undefined,
  now: Date = new Date(),
): Date {
  if (!latest) {
    const at = new Date(now.getTime() + 7 * DAY_MS);
    at.setHours(17, 0, 0, 0);
    return at;
  }
  const last = new Date(latest);
  const nth = Math.ceil(last.getDate() / 7);
  for (let months = 1; ; months++) {
    const at = nthWeekday(
      last.getFullYear(),
      last.getMonth() + months,
      last.getDay(),
      nth,
      last,
    );
    if (at.getTime() > now.getTime()) return at;
  }
}
