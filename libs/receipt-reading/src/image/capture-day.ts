import readExif from 'exif-reader';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A camera whose clock was never set stamps 1970 or 2000-01-01, not a real date. */
const EARLIEST_YEAR = 2001;

/**
 * The calendar day a photo was taken, as YYYY-MM-DD: EXIF DateTimeOriginal, else DateTimeDigitized
 * (not DateTime, which editing software rewrites). Camera clocks keep local time without a zone,
 * and exif-reader reads it as UTC, so the UTC day is the day the camera showed. Null without EXIF,
 * with a damaged block, or with a clock that cannot be right (unset, or later than tomorrow).
 */
export function captureDay(exif: Buffer | undefined, now = new Date()): string | null {
  if (!exif) return null;
  let taken: Date | undefined;
  try {
    const { Photo } = readExif(exif);
    taken = Photo?.DateTimeOriginal ?? Photo?.DateTimeDigitized;
  } catch {
    return null;
  }
  if (!(taken instanceof Date) || Number.isNaN(taken.getTime())) return null;
  if (taken.getUTCFullYear() < EARLIEST_YEAR || taken.getTime() > now.getTime() + DAY_MS) return null;
  return taken.toISOString().slice(0, 10);
}
