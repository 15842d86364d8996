/** Whether `MM-DD` is a day every year has (no 02-29, no 04-31). */
export function isYearlyDay(monthDay: string): boolean {
  const date = new Date(`2001-${monthDay}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `2001-${monthDay}`;
}
