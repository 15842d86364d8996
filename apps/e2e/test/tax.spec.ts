import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import type { ExpenseTaxView, ExpenseView, TaxProfileList, TaxReportJobView, TaxSettingsView } from '@irp/contracts';
import { httpClient, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { newSession, type Session } from './session';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

interface ReportTotals {
  currency: string;
  totals: { gross: string; tax: string; deductible: string; reclaimableTax: string };
  inputTaxByRate: { rate: string; tax: string; reclaimable: string }[];
  lines: { code: string; expenseCount: number; expenses: { id: string; documentUrl: string | null }[] }[];
}

describe('tax through the gateway', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;

  beforeAll(async () => {
    platform = await startTestPlatform();
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const put = (path: string, session: Session, body: unknown) =>
    fetch(`${platform.gatewayUrl}/api/v1${path}`, { method: 'PUT', headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const download = (session: Session, id: string, format: string) =>
    fetch(`${platform.gatewayUrl}/api/v1/tax/reports/${id}/download?format=${format}`, { headers: { authorization: `Bearer ${session.token}` } });

  /** The tax service learns of expenses from their events: wait until it knows this one at this version. */
  async function taxOf(session: Session, expense: ExpenseView): Promise<ExpenseTaxView> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const answer = await api.get<ExpenseTaxView>(`/expenses/${expense.id}/tax`, { token: session.token });
      if (answer.status === 200 && answer.body.version === expense.version) return answer.body;
      await sleep(50);
    }
    throw new Error(`the tax service never saw expense ${expense.id} v${expense.version}`);
  }

  async function ready(session: Session, location: string): Promise<TaxReportJobView> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const job = await api.get<TaxReportJobView>(location.replace('/api/v1', ''), { token: session.token });
      if (job.body.status === 'ready' || job.body.status === 'failed') return job.body;
      await sleep(50);
    }
    throw new Error('the report was not produced in time');
  }

  it('picks a profile, files expenses, queues a report (202 + Location) and downloads it as JSON, CSV and PDF', async () => {
    const profiles = await api.get<TaxProfileList>('/tax/profiles', { token: me.token });
    expect(profiles.status).toBe(200);
    expect(profiles.body.items.map((p) => p.id)).toEqual(expect.arrayContaining(['us-schedule-c', 'uk-sa103f', 'eu-vat', 'my-sst']));
    const picked = await put('/tax/profiles/current', me, { profileId: 'eu-vat' });
    expect(picked.status).toBe(200);
    expect(((await picked.json()) as TaxSettingsView).profileId).toBe('eu-vat');

    const bodies = [
      { vendor: 'Hotel Zur Post', date: '2026-02-10', amount: '110.00', currency: 'EUR', category: 'lodging', taxLines: [{ rate: '10', amount: '10.00', label: 'MwSt' }] },
      { vendor: 'Papeterie', date: '2026-03-01', amount: '119.00', currency: 'EUR', category: 'office supplies', taxLines: [{ rate: '19', amount: '19.00', label: 'VAT' }] },
      { vendor: 'Trattoria', date: '2026-03-05', amount: '42.80', currency: 'EUR', category: 'meals', taxLines: [{ rate: '7', amount: '2.80', label: 'VAT' }] },
    ];
    const expenses: ExpenseView[] = [];
    for (const body of bodies) {
      const created = await api.post<ExpenseView>('/expenses', body, { token: me.token });
      expect(created.status).toBe(201);
      expenses.push(created.body);
    }
    const lodging = await taxOf(me, expenses[0]);
    expect(lodging).toMatchObject({ reportLine: 'travel', lines: [{ rate: '10', amount: '10.00', estimated: false }] });
    for (const expense of expenses.slice(1)) await taxOf(me, expense);

    const queued = await api.post<TaxReportJobView>('/tax/reports', { year: 2026 }, { token: me.token });
    expect(queued.status).toBe(202);
    const location = queued.headers.get('location') as string;
    expect(location).toBe(`/api/v1/tax/reports/${queued.body.id}`);
    const job = await ready(me, location);
    expect(job).toMatchObject({ status: 'ready', period: { from: '2026-01-01', to: '2026-12-31' }, profileId: 'eu-vat' });

    const json = await download(me, job.id, 'json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="tax-report-2026-01-01-2026-12-31.json"');
    const report = (await json.json()) as ReportTotals;
    expect(report.currency).toBe('EUR');
    expect(report.totals).toMatchObject({ gross: '271.80', tax: '31.80', reclaimableTax: '29.00', deductible: '242.80' });
    expect(report.inputTaxByRate.map((r) => [r.rate, r.tax, r.reclaimable])).toEqual([['7', '2.80', '0.00'], ['10', '10.00', '10.00'], ['19', '19.00', '19.00']]);

    const csv = await download(me, job.id, 'csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.expense_id).sort()).toEqual(expenses.map((e) => e.id).sort());

    const pdf = await download(me, job.id, 'pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps reports and expenses to their owner (404), and answers bad input with 400 naming the field', async () => {
    const owner = await newSession(api);
    const other = await newSession(api);
    expect((await put('/tax/profiles/current', owner, { profileId: 'uk-sa103f' })).status).toBe(200);
    const expense = await api.post<ExpenseView>('/expenses', { vendor: 'Rail', date: '2026-05-01', amount: '30.00', currency: 'GBP', category: 'travel' }, { token: owner.token });
    await taxOf(owner, expense.body);
    const queued = await api.post<TaxReportJobView>('/tax/reports', { year: 2026, quarter: 1, formats: ['csv'] }, { token: owner.token });
    const job = await ready(owner, queued.headers.get('location') as string);
    expect(job.period).toEqual({ from: '2026-04-06', to: '2026-07-05' });

    expect((await api.get<Problem>(`/tax/reports/${job.id}`, { token: other.token })).status).toBe(404);
    expect((await download(other, job.id, 'csv')).status).toBe(404);
    expect((await api.get<Problem>(`/expenses/${expense.body.id}/tax`, { token: other.token })).status).toBe(404);
    const notMade = await download(owner, job.id, 'pdf');
    expect(notMade.status).toBe(404);
    expect(((await notMade.json()) as Problem).detail).toContain('was not made as pdf');

    const bad: [string, () => Promise<Response>, string][] = [
      ['inverted period', () => fetch(`${platform.gatewayUrl}/api/v1/tax/reports`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ from: '2026-05-01', to: '2026-01-01' }) }), 'to'],
      ['over five years', () => fetch(`${platform.gatewayUrl}/api/v1/tax/reports`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ from: '2019-01-01', to: '2026-01-01' }) }), 'to'],
      ['unknown profile', () => put('/tax/profiles/current', owner, { profileId: 'atlantis' }), 'profileId'],
      ['a line the profile lacks', () => put('/tax/profiles/current/mappings', owner, { category: 'meals', line: '24b' }), 'line'],
      ['an unknown format', () => download(owner, job.id, 'xls'), 'format'],
    ];
    for (const [what, call, field] of bad) {
      const response = await call();
      const problem = (await response.json()) as Problem;
      expect([what, response.status, problem.errors?.map((e) => e.field)]).toEqual([what, 400, [field]]);
    }
  });
});
