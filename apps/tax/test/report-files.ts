import { parse } from 'csv-parse/sync';

/** The parts of a JSON report the tests read. */
export interface JsonReport {
  id: string;
  currency: string;
  profile: { id: string; version: string; source: string };
  period: { from: string; to: string };
  fxBasis: { sources: string[]; firstRateDate: string | null; lastRateDate: string | null; convertedCount: number };
  totals: { gross: string; net: string; tax: string; deductible: string; reclaimableTax: string; expenseCount: number; countedExpenses: number };
  inputTaxByRate: { rate: string; base: string; tax: string; reclaimable: string; estimated: string }[];
  lines: {
    code: string;
    label: string;
    source: string;
    expenseCount: number;
    gross: string;
    net: string;
    tax: string;
    deductible: string;
    reclaimableTax: string;
    expenses: { id: string; gross: string; tax: string; deductible: string; reclaimableTax: string; review: string[]; documentUrl: string | null; taxes: { rate: string; estimated: boolean }[] }[];
  }[];
  review: { id: string; reasons: string[]; counted: boolean }[];
}

export type CsvRecord = Record<string, string>;

/** The CSV parsed back as RFC 4180, with its header. */
export function parseCsv(bytes: Buffer): CsvRecord[] {
  return parse(bytes, { columns: true, record_delimiter: '\r\n', relax_column_count: false }) as CsvRecord[];
}

/** Text of every page of a PDF, read with pdfjs-dist (what a viewer shows). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: pdfjs.VerbosityLevel.ERRORS });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join('\n'));
  }
  await task.destroy();
  return pages.join('\n');
}

/** Sum of decimal strings with 2 decimals, exactly (cents as bigint). */
export function sumCents(values: string[]): string {
  const cents = values.filter((v) => v !== '').reduce((sum, v) => sum + BigInt(v.replace('.', '')), 0n);
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
