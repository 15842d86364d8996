import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUBJECTS, type CreateTaxReportBody } from '@irp/contracts';
import { loadProfiles } from '../src/profiles/profile-catalog';
import { anExpenseSnapshot } from './factories/expense-event.factory';
import type { JsonReport } from './report-files';
import { startTax, type TaxUnderTest } from './tax-service';

describe('tax profiles and settings', () => {
  let tax: TaxUnderTest;

  beforeAll(async () => {
    tax = await startTax();
  });

  afterAll(async () => {
    await tax?.close();
  });

  const fieldsOf = (error: unknown) => (error as { details?: { fields?: { field: string }[] } }).details?.fields?.map((f) => f.field);

  it('lists the shipped profiles, each line citing its official source', async () => {
    const { items } = await tax.rpc.request(SUBJECTS.listTaxProfiles, { userId: randomUUID() });
    expect(items.map((p) => p.id).sort()).toEqual(['eu-vat', 'my-sst', 'uk-sa103f', 'us-schedule-c']);
    for (const profile of items) {
      expect(profile.source).toMatch(/^https:\/\//);
      for (const line of profile.lines) expect(line.source).toMatch(/^https:\/\//);
      for (const mapping of profile.mappings) expect(profile.lines.map((l) => l.code)).toContain(mapping.line);
    }
    expect(items.find((p) => p.id === 'us-schedule-c')?.mappings).toContainEqual({ category: 'meals', line: '24b', deductiblePercent: '50', overridden: false });
    expect(items.find((p) => p.id === 'uk-sa103f')?.taxYearStart).toBe('04-06');
  });

  it('refuses a profile file with a mapping to a line it lacks, naming the file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'profiles-'));
    const [profile] = loadProfiles();
    writeFileSync(path.join(dir, `${profile.id}.json`), JSON.stringify({ ...profile, mappings: [{ category: 'meals', line: 'nope', deductiblePercent: '50' }] }));
    expect(() => loadProfiles(dir)).toThrow(`tax profile ${profile.id}.json is invalid: meals maps to nope, which is not one of its lines`);
    writeFileSync(path.join(dir, `${profile.id}.json`), JSON.stringify({ ...profile, source: 'http://example.com' }));
    expect(() => loadProfiles(dir)).toThrow(/source/);
  });

  it('picks a profile and tax year start, and overrides a category\u2019s line (reports follow)', async () => {
    const userId = randomUUID();
    expect(await tax.rpc.request(SUBJECTS.getTaxSettings, { userId })).toEqual({ profileId: null, taxYearStart: null, mappings: [] });
    const picked = await tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId: 'us-schedule-c', taxYearStart: '07-01' });
    expect(picked).toMatchObject({ profileId: 'us-schedule-c', taxYearStart: '07-01' });

    await tax.publish(anExpenseSnapshot(userId, { category: 'Conference', amount: '300.00', currency: 'USD', date: '2025-09-01' }));
    await tax.settled();
    const overridden = await tax.rpc.request(SUBJECTS.setTaxMapping, { userId, category: 'Conference', line: '24a' });
    expect(overridden.mappings).toContainEqual({ category: 'conference', line: '24a', deductiblePercent: '100', overridden: true });
    const halfMeals = await tax.rpc.request(SUBJECTS.setTaxMapping, { userId, category: 'travel', line: '24b' });
    expect(halfMeals.mappings).toContainEqual({ category: 'travel', line: '24b', deductiblePercent: '50', overridden: true });

    const job = await tax.report(userId, { year: 2025, formats: ['json'] });
    expect(job.period).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    const report = JSON.parse((await tax.file(userId, job.id, 'json')).toString()) as JsonReport;
    expect(report.lines.find((l) => l.code === '24a')).toMatchObject({ gross: '300.00', expenseCount: 1 });

    const reverted = await tax.rpc.request(SUBJECTS.setTaxMapping, { userId, category: 'conference', line: null });
    expect(reverted.mappings.find((m) => m.category === 'conference')).toBeUndefined();
  });

  it('answers bad input with VALIDATION naming the field, and another user\u2019s report with NOT_FOUND', async () => {
    const userId = randomUUID();
    const noProfile = await tax.rpc.request(SUBJECTS.createTaxReport, { userId, year: 2025 }).catch((e: unknown) => e);
    expect(noProfile).toMatchObject({ code: 'VALIDATION' });
    expect(fieldsOf(noProfile)).toEqual(['profileId']);
    expect(fieldsOf(await tax.rpc.request(SUBJECTS.setTaxMapping, { userId, category: 'meals', line: '24a' }).catch((e: unknown) => e))).toEqual(['profileId']);

    await expect(tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId: 'atlantis' })).rejects.toMatchObject({ code: 'VALIDATION', message: 'there is no tax profile "atlantis"' });
    await expect(tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId: 'uk-sa103f', taxYearStart: '02-29' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await tax.rpc.request(SUBJECTS.selectTaxProfile, { userId, profileId: 'uk-sa103f' });
    const badLine = await tax.rpc.request(SUBJECTS.setTaxMapping, { userId, category: 'meals', line: '24b' }).catch((e: unknown) => e);
    expect(badLine).toMatchObject({ code: 'VALIDATION', message: 'the profile uk-sa103f has no line "24b"' });
    expect(fieldsOf(badLine)).toEqual(['line']);

    const periods: [CreateTaxReportBody, string][] = [
      [{ from: '2025-06-01', to: '2025-01-01' }, 'to'],
      [{ from: '2020-01-01', to: '2025-01-01' }, 'to'],
      [{ from: '2025-01-01' }, 'to'],
      [{ year: 2025, from: '2025-01-01', to: '2025-02-01' }, 'year'],
      [{ quarter: 2 }, 'year'],
      [{}, 'year'],
      [{ year: 2025, quarter: 5 }, 'quarter'],
      [{ year: 2025, formats: ['xls' as never] }, 'formats'],
      [{ year: 2025, profileId: 'atlantis' }, 'profileId'],
    ];
    for (const [body, field] of periods) {
      const error = await tax.rpc.request(SUBJECTS.createTaxReport, { userId, ...body }).catch((e: unknown) => e);
      expect([body, (error as { code?: string }).code, fieldsOf(error)]).toEqual([body, 'VALIDATION', [field]]);
    }
    const fiveYears = await tax.rpc.request(SUBJECTS.createTaxReport, { userId, from: '2020-01-01', to: '2024-12-31', formats: ['json'] });
    expect(fiveYears.status).toBe('queued');

    const mine = await tax.report(userId, { year: 2025, formats: ['csv'] });
    await expect(tax.rpc.request(SUBJECTS.getTaxReport, { userId: randomUUID(), reportId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tax.rpc.request(SUBJECTS.getTaxReport, { userId, reportId: mine.id })).resolves.toMatchObject({ status: 'ready', files: [{ format: 'csv' }] });
  });
});
