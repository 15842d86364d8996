import { randomUUID } from 'node:crypto';
import { SUBJECTS } from '@irp/contracts';
import { anExpenseSnapshot, type ExpenseFixture } from './factories/expense-event.factory';
import { parseCsv, pdfText, sumCents, type JsonReport } from './report-files';
import { startTax, type TaxUnderTest } from './tax-service';

/** Totals of a line as the tests state them: gross, tax, deductible, reclaimable tax, expenses. */
type Expected = [string, string, string, string, number];

describe('tax reports', () => {
  let tax: TaxUnderTest;

  beforeAll(async () => {
    tax = await startTax();
  });

  afterAll(async () => {
    await tax?.close();
  });

  async function userWith(profileId: string, expenses: ExpenseFixture[], taxYearStart?: string): Promise<string> {
    const userId = randomUUID();
    await tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId, taxYearStart });
    for (const fixture of expenses) await tax.publish(anExpenseSnapshot(userId, fixture));
    await tax.settled();
    return userId;
  }

  async function jsonOf(userId: string, reportId: string): Promise<JsonReport> {
    return JSON.parse((await tax.file(userId, reportId, 'json')).toString('utf8')) as JsonReport;
  }

  function expectLines(report: JsonReport, expected: Record<string, Expected>): void {
    const actual = Object.fromEntries(report.lines.filter((l) => l.expenseCount > 0).map((l) => [l.code, [l.gross, l.tax, l.deductible, l.reclaimableTax, l.expenseCount]]));
    expect(actual).toEqual(expected);
  }

  /** The overall totals are the sums of the lines, and each line's the sums of its expenses. */
  function expectTotalsAreSums(report: JsonReport): void {
    for (const field of ['gross', 'net', 'tax', 'deductible', 'reclaimableTax'] as const) {
      expect(sumCents(report.lines.map((l) => l[field]))).toBe(report.totals[field]);
      for (const line of report.lines) if (field !== 'net') expect(sumCents(line.expenses.map((e) => e[field]))).toBe(line[field]);
    }
    expect(sumCents(report.inputTaxByRate.map((r) => r.tax))).toBe(report.totals.tax);
    expect(sumCents(report.inputTaxByRate.map((r) => r.reclaimable))).toBe(report.totals.reclaimableTax);
  }

  it('US Schedule C: lines with meals at 50% (half to even), entertainment not deductible, pending conversions apart', async () => {
    const userId = await userWith('us-schedule-c', [
      { category: 'meals', amount: '100.00', currency: 'USD', taxLines: [{ rate: '8', amount: '7.41', label: 'sales tax' }] },
      { category: 'meals', amount: '33.33', currency: 'USD' },
      { category: 'travel', amount: '250.00', currency: 'USD' },
      { category: 'entertainment', amount: '80.00', currency: 'USD' },
      { category: 'client gifts', amount: '40.00', currency: 'USD', documentId: null },
      { category: 'travel', amount: '99.00', currency: 'EUR', converted: null },
      { category: 'travel', amount: '10.00', currency: 'USD', date: '2024-12-31' },
    ]);
    const job = await tax.report(userId, { year: 2025 });
    expect(job).toMatchObject({ status: 'ready', profileId: 'us-schedule-c', profileVersion: '2025.1', period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(job.files.map((f) => f.format)).toEqual(['json', 'csv', 'pdf']);
    const report = await jsonOf(userId, job.id);
    expect(report.currency).toBe('USD');
    expectLines(report, {
      '24a': ['250.00', '0.00', '250.00', '0.00', 1],
      '24b': ['133.33', '7.41', '66.66', '0.00', 2],
      '27a': ['40.00', '0.00', '40.00', '0.00', 1],
      none: ['80.00', '0.00', '0.00', '0.00', 1],
    });
    expect(report.totals).toMatchObject({ gross: '503.33', tax: '7.41', deductible: '356.66', reclaimableTax: '0.00', expenseCount: 6, countedExpenses: 5 });
    expectTotalsAreSums(report);
    expect(report.review.map((r) => [r.reasons, r.counted]).sort()).toEqual([[['missing_receipt'], true], [['unconverted_currency'], false]].sort());
    expect(report.lines.find((l) => l.code === '24b')?.expenses.every((e) => e.documentUrl?.startsWith('/api/v1/documents/'))).toBe(true);
  });

  it('UK SA103F: boxes over the tax year from 6 April, entertainment disallowed', async () => {
    const userId = await userWith('uk-sa103f', [
      { category: 'travel', amount: '120.00', currency: 'GBP', date: '2025-04-06', taxLines: [{ rate: '20', amount: '20.00', base: '100.00' }] },
      { category: 'entertainment', amount: '60.00', currency: 'GBP', date: '2025-12-01' },
      { category: 'office supplies', amount: '45.50', currency: 'GBP', date: '2026-04-05' },
      { category: 'software', amount: '9.99', currency: 'GBP', date: '2026-04-06' },
      { category: 'phone/internet', amount: '30.00', currency: 'GBP', date: '2025-04-05' },
    ]);
    const job = await tax.report(userId, { year: 2025, formats: ['json'] });
    expect(job.period).toEqual({ from: '2025-04-06', to: '2026-04-05' });
    expect(job.files.map((f) => f.format)).toEqual(['json']);
    const report = await jsonOf(userId, job.id);
    expectLines(report, {
      '20': ['120.00', '20.00', '120.00', '0.00', 1],
      '23': ['45.50', '0.00', '45.50', '0.00', 1],
      '24': ['60.00', '0.00', '0.00', '0.00', 1],
    });
    expect(report.totals).toMatchObject({ gross: '225.50', tax: '20.00', deductible: '165.50' });
    expect(report.inputTaxByRate).toEqual([{ rate: '20', base: '100.00', tax: '20.00', reclaimable: '0.00', estimated: '0.00' }]);
    expectTotalsAreSums(report);
  });

  it('EU VAT: input VAT reclaimable per rate, meals excluded, a converted receipt with its FX basis', async () => {
    const userId = await userWith('eu-vat', [
      { category: 'lodging', amount: '110.00', taxLines: [{ rate: '10', amount: '10.00', base: '100.00' }] },
      { category: 'office supplies', amount: '119.00', taxLines: [{ rate: '19', amount: '19.00' }] },
      { category: 'meals', amount: '51.49', taxLines: [{ rate: '19', amount: '1.90', base: '10.00' }, { rate: '7', amount: '2.59', base: '37.00' }] },
      {
        category: 'fuel',
        amount: '50.00',
        currency: 'USD',
        converted: { currency: 'EUR', amount: '46.00', rate: '0.92', rateDate: '2025-03-03', source: 'ECB' },
        taxLines: [{ rate: '19', amount: '7.98' }],
      },
    ]);
    const job = await tax.report(userId, { from: '2025-01-01', to: '2025-12-31' });
    const report = await jsonOf(userId, job.id);
    expect(report.currency).toBe('EUR');
    expectLines(report, {
      travel: ['110.00', '10.00', '100.00', '10.00', 1],
      office: ['119.00', '19.00', '100.00', '19.00', 1],
      meals: ['51.49', '4.49', '51.49', '0.00', 1],
      vehicle: ['46.00', '7.34', '38.66', '7.34', 1],
    });
    expect(report.inputTaxByRate).toEqual([
      { rate: '7', base: '37.00', tax: '2.59', reclaimable: '0.00', estimated: '0.00' },
      { rate: '10', base: '100.00', tax: '10.00', reclaimable: '10.00', estimated: '0.00' },
      { rate: '19', base: '148.66', tax: '28.24', reclaimable: '26.34', estimated: '0.00' },
    ]);
    expect(report.totals).toMatchObject({ gross: '326.49', tax: '40.83', reclaimableTax: '36.34', deductible: '290.15', net: '285.66' });
    expect(report.fxBasis).toEqual({ sources: ['ECB'], firstRateDate: '2025-03-03', lastRateDate: '2025-03-03', convertedCount: 1 });
    expectTotalsAreSums(report);
  });

  it('Malaysia SST: entertainment at 50%, tax estimated at the standard rate only on request and flagged', async () => {
    const fixtures: ExpenseFixture[] = [
      { category: 'meals', amount: '21.20', currency: 'MYR', taxLines: [{ rate: '6', amount: '1.20', base: '20.00' }] },
      { category: 'office supplies', amount: '54.00', currency: 'MYR' },
      { category: 'groceries', amount: '30.00', currency: 'MYR', status: 'needs_review' },
    ];
    const userId = await userWith('my-sst', fixtures);
    const plain = await jsonOf(userId, (await tax.report(userId, { year: 2025, formats: ['json'] })).id);
    expect(plain.totals).toMatchObject({ gross: '105.20', tax: '1.20', deductible: '64.60' });

    const estimated = await jsonOf(userId, (await tax.report(userId, { year: 2025, estimateMissingTax: true, formats: ['json'] })).id);
    expectLines(estimated, {
      entertainment: ['21.20', '1.20', '10.60', '0.00', 1],
      office: ['54.00', '4.00', '54.00', '0.00', 1],
      none: ['30.00', '2.22', '0.00', '0.00', 1],
    });
    expect(estimated.inputTaxByRate).toEqual([
      { rate: '6', base: '20.00', tax: '1.20', reclaimable: '0.00', estimated: '0.00' },
      { rate: '8', base: '77.78', tax: '6.22', reclaimable: '0.00', estimated: '6.22' },
    ]);
    expect(estimated.review.map((r) => r.reasons.sort()).sort()).toEqual([['estimated_tax'], ['estimated_tax', 'needs_review']]);
    expectTotalsAreSums(estimated);
  });

  it('CSV parses back (RFC 4180) to the JSON totals; the PDF opens and shows them', async () => {
    const userId = await userWith('us-schedule-c', [
      { category: 'meals', amount: '12.35', currency: 'USD', vendor: 'Smith, "The" Diner\nDowntown' },
      { category: 'software', amount: '1200.00', currency: 'USD', vendor: '=cmd|calc' },
      { category: 'fuel', amount: '61.10', currency: 'USD', taxLines: [{ rate: '7.25', amount: '4.13' }] },
      { category: 'travel', amount: '5.00', currency: 'EUR', converted: null },
    ]);
    const job = await tax.report(userId, { year: 2025, quarter: 2 });
    expect(job.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    const report = await jsonOf(userId, job.id);

    const rows = parseCsv(await tax.file(userId, job.id, 'csv'));
    expect(rows).toHaveLength(4);
    const counted = rows.filter((row) => row.gross !== '');
    for (const [column, total] of [['gross', 'gross'], ['tax', 'tax'], ['deductible', 'deductible'], ['net', 'net']] as const) {
      expect(sumCents(counted.map((row) => row[column]))).toBe(report.totals[total]);
    }
    expect(rows.find((row) => row.vendor.startsWith('Smith'))?.vendor).toBe('Smith, "The" Diner\nDowntown');
    expect(rows.find((row) => row.category === 'software')?.vendor).toBe("'=cmd|calc");
    expect(rows.find((row) => row.original_currency === 'EUR')).toMatchObject({ gross: '', review: 'unconverted_currency' });
    expect(rows.find((row) => row.category === 'meals')).toMatchObject({ line: '24b', deductible_percent: '50', deductible: '6.18', currency: 'USD' });

    const text = await pdfText(await tax.file(userId, job.id, 'pdf'));
    expect(report.totals).toMatchObject({ gross: '1273.45', deductible: '1267.28' });
    expect(text).toContain('Tax report');
    expect(text).toContain('Period: 2025-04-01 to 2025-06-30');
    expect(text).toMatch(/Total\s+1273\.45\s+4\.13\s+1267\.28\s+3/);
    expect(text).toContain('24b');
    expect(text).toContain('Smith, "The" Diner');
    expect(text).toContain('unconverted currency 1');
  });
});
