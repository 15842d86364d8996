import sharp from 'sharp';
import { captureDay } from './capture-day';

/** The EXIF block sharp reads from a small JPEG written with these tags. */
async function exifOf(tags: { IFD0?: Record<string, string>; IFD2?: Record<string, string> }): Promise<Buffer | undefined> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'white' } }).jpeg().withExif(tags).toBuffer();
  return (await sharp(jpeg).metadata()).exif;
}

describe(captureDay.name, () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('reads the day the camera showed when the photo was taken, whatever its time zone', async () => {
    expect(captureDay(await exifOf({ IFD2: { DateTimeOriginal: '2026:03:14 23:30:00', OffsetTimeOriginal: '+08:00' } }), now)).toBe('2026-03-14');
  });

  it('falls back to the digitised time, but not to the file time editors rewrite', async () => {
    expect(captureDay(await exifOf({ IFD2: { DateTimeDigitized: '2026:02:01 08:00:00' } }), now)).toBe('2026-02-01');
    expect(captureDay(await exifOf({ IFD0: { DateTime: '2026:02:01 08:00:00' } }), now)).toBeNull();
  });

  it('ignores a camera clock that cannot be right', async () => {
    expect(captureDay(await exifOf({ IFD2: { DateTimeOriginal: '2000:01:01 00:00:00' } }), now)).toBeNull();
    expect(captureDay(await exifOf({ IFD2: { DateTimeOriginal: '2026:11:30 09:00:00' } }), now)).toBeNull();
    expect(captureDay(await exifOf({ IFD2: { DateTimeOriginal: '2026:11:25 09:00:00' } }), now)).toBe('2026-11-25');
  });

  it('answers null without EXIF or with a damaged block', () => {
    expect(captureDay(undefined, now)).toBeNull();
    expect(captureDay(Buffer.from('Exif\0\0not a tiff header at all'), now)).toBeNull();
  });
});
