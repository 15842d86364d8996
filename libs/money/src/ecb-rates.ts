import { XMLParser } from 'fast-xml-parser';
import { isCurrencyCode } from './currency';

/** Reference rates of one day: units of each currency per 1 EUR. */
export interface RateDay {
  date: string;
  rates: Record<string, string>;
}

export class RatesFormatError extends Error {}

const RATE = /^\d{1,10}(\.\d{1,10})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Cube {
  time?: string;
  currency?: string;
  rate?: string;
  Cube?: Cube | Cube[];
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Parses the European Central Bank's euro reference rates in its published XML formats: the daily
 * file (eurofxref-daily.xml) and the historical ones (eurofxref-hist.xml, eurofxref-hist-90d.xml).
 * Days come out oldest first; currencies that are not ISO 4217 money are skipped.
 */
export function parseEcbXml(xml: string): RateDay[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, processEntities: false });
  let document: { Envelope?: { Cube?: Cube } };
  try {
    document = parser.parse(xml, true) as typeof document;
  } catch (error) {
    throw new RatesFormatError(`not well-formed XML: ${(error as Error).message.split('\n')[0]}`);
  }
  const root = document.Envelope?.Cube;
  if (!root) throw new RatesFormatError('not an ECB reference rates document (no gesmes:Envelope/Cube)');
  const days = asArray(root.Cube).map((day): RateDay => {
    if (!day.time || !DATE.test(day.time)) throw new RatesFormatError(`a day has no valid time attribute: ${String(day.time)}`);
    const rates: Record<string, string> = {};
    for (const entry of asArray(day.Cube)) {
      if (!entry.currency || !entry.rate || !RATE.test(entry.rate) || Number(entry.rate) <= 0) {
        throw new RatesFormatError(`invalid rate on ${day.time}: ${String(entry.currency)}=${String(entry.rate)}`);
      }
      if (isCurrencyCode(entry.currency)) rates[entry.currency] = entry.rate;
    }
    return { date: day.time, rates };
  });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
