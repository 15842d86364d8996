import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseDto, ExpensePage, ExpenseView, type CategoryList, type CategoryView, type SettingsView } from '@irp/contracts';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { httpClient, startTestPlatform, WORKSPACE_ROOT, type HttpClient, type HttpResult, type TestPlatform } from '@irp/testing';
import { logIn, newSession, type Session } from './session';

interface Problem {
  code: string;
  detail: string;
  errors?: { field: string; messages: string[] }[];
}

const ADMIN = 'admin@example.com';

const ecbXml = (days: Record<string, Record<string, string>>) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>${Object.entries(days)
    .map(([date, rates]) => `<Cube time='${date}'>${Object.entries(rates).map(([c, r]) => `<Cube currency='${c}' rate='${r}'/>`).join('')}</Cube>`)
    .join('')}</Cube>
</gesmes:Envelope>`;

describe('expenses through the gateway', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;

  beforeAll(async () => {
    platform = await startTestPlatform({
      serviceEnv: { gateway: { AUTH_RATE_LIMIT: '1000' }, expenses: { PENDING_CONVERSION_INTERVAL_SECONDS: '1' } },
    });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
  });

  afterAll(async () => {
    await platform?.close();
  });

  const create = (session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api.post<ExpenseView & Problem>('/expenses', body, { token: session.token, headers });
  const list = (session: Session, query = '') => api.get<ExpensePage & Problem>(`/expenses${query}`, { token: session.token });
  const call = (method: string, path: string, session: Session, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${platform.gatewayUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('files, reads, changes and deletes an expense, with ETags', async () => {
    const created = await create(me, { vendor: 'Cafe X', date: '2026-03-01', amount: '12.34', currency: 'EUR', category: 'meals' });
    expect(created.status).toBe(201);
    expect(() => parseDto(ExpenseView, created.body)).not.toThrow();
    expect(created.body).toMatchObject({ vendor: 'Cafe X', date: '2026-03-01', amount: '12.34', currency: 'EUR', status: 'confirmed', version: 1 });
    expect(created.body.category.name).toBe('meals');
    expect(created.body.converted).toMatchObject({ amount: '12.34', currency: 'EUR', rate: '1' });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/api/v1/expenses/${created.body.id}`);
    const id = created.body.id;

    const read = await api.get<ExpenseView>(`/expenses/${id}`, { token: me.token });
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('"1"');

    const patched = await call('PATCH', `/expenses/${id}`, me, { amount: '15.00', tags: ['team', 'q1'], notes: 'lunch' }, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(await patched.json()).toMatchObject({ amount: '15.00', tags: ['team', 'q1'], notes: 'lunch', version: 2 });

    const stale = await call('PATCH', `/expenses/${id}`, me, { amount: '16.00' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as Problem).code).toBe('PRECONDITION_FAILED');
    expect((await call('DELETE', `/expenses/${id}`, me, undefined, { 'if-match': '"1"' })).status).toBe(412);

    const cleared = await call('PATCH', `/expenses/${id}`, me, { notes: null }, { 'if-match': '"2"' });
    expect(await cleared.json()).toMatchObject({ notes: null, version: 3 });

    expect((await call('DELETE', `/expenses/${id}`, me, undefined, { 'if-match': '"3"' })).status).toBe(204);
    expect((await api.get(`/expenses/${id}`, { token: me.token })).status).toBe(404);
  });

  it("hides other users' expenses behind 404", async () => {
    const created = await create(me, { vendor: 'Mine', date: '2026-03-02', amount: '5.00', currency: 'EUR' });
    const other = await newSession(api);
    expect((await api.get(`/expenses/${created.body.id}`, { token: other.token })).status).toBe(404);
    expect((await call('PATCH', `/expenses/${created.body.id}`, other, { amount: '1.00' })).status).toBe(404);
    expect((await call('DELETE', `/expenses/${created.body.id}`, other)).status).toBe(404);
    expect((await list(other)).body.items).toEqual([]);
  });

  it('creates once per Idempotency-Key, and refuses the key for another body', async () => {
    const user = await newSession(api);
    const key = randomUUID();
    const body = { vendor: 'Hotel', date: '2026-03-03', amount: '120.00', currency: 'EUR', category: 'lodging' };
    const [first, second] = await Promise.all([create(user, body, { 'idempotency-key': key }), create(user, body, { 'idempotency-key': key })]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    const again = await create(user, body, { 'idempotency-key': key });
    expect(again.body.id).toBe(first.body.id);
    expect((await list(user)).body.items).toHaveLength(1);
    const reused = await create(user, { ...body, amount: '99.00' }, { 'idempotency-key': key });
    expect(reused.status).toBe(409);
  });

  it.each([
    ['an unknown currency', { currency: 'EURO' }, 'currency'],
    ['a negative amount', { amount: '-5.00' }, 'amount'],
    ['a zero amount', { amount: '0.00' }, 'amount'],
    ['too many decimals for the currency', { amount: '100.5', currency: 'JPY' }, 'amount'],
    ['an absurd amount', { amount: '99999999999999' }, 'amount'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a date from another era', { date: '1066-10-14' }, 'date'],
    ['oversized notes', { notes: 'x'.repeat(2001) }, 'notes'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['an unknown category', { category: 'yachts' }, 'category'],
    ['a malformed tax line', { taxLines: [{ rate: 'seven', amount: '1.00', label: 'VAT' }] }, 'taxLines.0.rate'],
  ])('refuses %s with 400 naming the field', async (_case, change, field) => {
    const response = await create(me, { vendor: 'V', date: '2026-03-01', amount: '10.00', currency: 'EUR', ...change });
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses bad ids, bad If-Match and bad Idempotency-Key headers', async () => {
    expect((await api.get<Problem>('/expenses/not-a-uuid', { token: me.token })).status).toBe(400);
    const created = await create(me, { vendor: 'V', date: '2026-03-01', amount: '1.00', currency: 'EUR' });
    expect((await call('PATCH', `/expenses/${created.body.id}`, me, { amount: '2.00' }, { 'if-match': 'version one' })).status).toBe(412);
    expect((await create(me, { vendor: 'V', date: '2026-03-01', amount: '1.00', currency: 'EUR' }, { 'idempotency-key': 'é'.repeat(3) })).status).toBe(400);
  });

  describe('listing', () => {
    let user: Session;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      user = await newSession(api);
      await api.post('/categories', { name: 'Client dinners' }, { token: user.token });
      const rows = [
        { key: 'a', vendor: 'Cafe Roma', date: '2026-01-05', amount: '8.50', currency: 'EUR', category: 'meals', tags: ['team'] },
        { key: 'b', vendor: 'Shell Station', date: '2026-01-10', amount: '60.00', currency: 'EUR', category: 'fuel', tags: ['car'] },
        { key: 'c', vendor: 'Cafe Milano', date: '2026-01-10', amount: '12.00', currency: 'EUR', category: 'meals', tags: ['team', 'client'], status: 'needs_review' },
        { key: 'd', vendor: 'Airline', date: '2026-02-01', amount: '300.00', currency: 'EUR', category: 'travel' },
        { key: 'e', vendor: 'Sushi Bar', date: '2026-02-14', amount: '4500', currency: 'JPY', category: 'Client dinners', tags: ['client'] },
        { key: 'f', vendor: 'Cafe Roma', date: '2026-03-01', amount: '9.00', currency: 'EUR', category: 'meals' },
      ];
      for (const { key, ...row } of rows) ids[key] = (await create(user, row)).body.id;
    });

    const keysOf = (page: HttpResult<ExpensePage & Problem>) => page.body.items.map((item) => Object.entries(ids).find(([, id]) => id === item.id)?.[0]);

    it('sorts by date, newest first, the id breaking ties', async () => {
      const page = await list(user);
      expect(page.status).toBe(200);
      expect(() => parseDto(ExpensePage, page.body)).not.toThrow();
      expect(keysOf(page).slice(0, 2)).toEqual(['f', 'e']);
      expect(keysOf(page)).toHaveLength(6);
    });

    it.each([
      ['?from=2026-01-10&to=2026-02-01', ['b', 'c', 'd']],
      ['?category=meals', ['a', 'c', 'f']],
      ['?category=client%20dinners', ['e']],
      ['?tags=team', ['a', 'c']],
      ['?tags=team,client', ['c']],
      ['?q=cafe', ['a', 'c', 'f']],
      ['?q=ROMA', ['a', 'f']],
      ['?currency=JPY', ['e']],
      ['?minAmount=10&maxAmount=60&currency=EUR', ['b', 'c']],
      ['?status=needs_review', ['c']],
    ])('filters %s', async (query, expected) => {
      const page = await list(user, query);
      expect(page.status).toBe(200);
      expect(keysOf(page).sort()).toEqual([...expected].sort());
    });

    it('sorts by amount and by vendor, both ways', async () => {
      expect(keysOf(await list(user, '?currency=EUR&sort=amount'))).toEqual(['a', 'f', 'c', 'b', 'd']);
      expect(keysOf(await list(user, '?currency=EUR&sort=-amount'))).toEqual(['d', 'b', 'c', 'f', 'a']);
      expect(keysOf(await list(user, '?sort=vendor'))[0]).toBe('d');
    });

    it('pages with cursors through every row exactly once, in order', async () => {
      for (const sort of ['-date', 'date', 'amount', '-vendor', 'createdAt']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query = `?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await list(user, query);
          expect(page.status).toBe(200);
          expect(page.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.body.items.map((item) => item.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect(seen).toHaveLength(6);
        expect(new Set(seen).size).toBe(6);
        expect(seen).toEqual((await list(user, `?sort=${sort}`)).body.items.map((item) => item.id));
      }
    });

    it('refuses bad queries with 400', async () => {
      const first = await list(user, '?limit=2');
      for (const query of ['?limit=0', '?limit=500', '?sort=price', '?from=2026-13-01', `?cursor=${first.body.nextCursor}&sort=amount`, '?cursor=garbage', '?minAmount=-1', '?category=nope', '?x=1']) {
        const response = await list(user, query);
        expect([query, response.status]).toEqual([query, 400]);
      }
    });

    it('exports the filtered list as CSV', async () => {
      const response = await fetch(`${platform.gatewayUrl}/api/v1/expenses/export.csv?category=meals&sort=date`, { headers: { authorization: `Bearer ${user.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^id,date,vendor,amount,currency,/);
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([ids.a, ids.c, ids.f]);
    });
  });

  it('streams any number of rows, quoting what needs quotes and defusing formulas', async () => {
    const user = await newSession(api);
    const tricky = await create(user, { vendor: 'Smith, "The" Bakery', date: '2026-04-01', amount: '3.20', currency: 'EUR', notes: '=HYPERLINK("http://evil")' });
    expect(tricky.status).toBe(201);
    for (let i = 0; i < 450; i++) await create(user, { vendor: `Shop ${i}`, date: '2026-04-02', amount: '1.00', currency: 'EUR' });
    const text = await (await fetch(`${platform.gatewayUrl}/api/v1/expenses/export.csv`, { headers: { authorization: `Bearer ${user.token}` } })).text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(452);
    const row = lines.find((line) => line.startsWith(tricky.body.id));
    expect(row).toContain('"Smith, ""The"" Bakery"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
  }, 120_000);

  describe('categories', () => {
    it('start with the default set, can be added, renamed and merged without losing expenses', async () => {
      const user = await newSession(api);
      const defaults = await api.get<CategoryList>('/categories', { token: user.token });
      expect(defaults.body.items.map((c) => c.name)).toEqual(expect.arrayContaining(['meals', 'travel', 'lodging', 'fuel', 'office supplies', 'software', 'other']));
      expect(defaults.body.items).toHaveLength(12);

      const snacks = await api.post<CategoryView>('/categories', { name: 'Snacks' }, { token: user.token });
      expect(snacks.status).toBe(201);
      expect((await api.post<Problem>('/categories', { name: ' snacks ' }, { token: user.token })).status).toBe(409);

      const expense = await create(user, { vendor: 'Kiosk', date: '2026-05-01', amount: '2.00', currency: 'EUR', category: 'snacks' });
      expect(expense.body.category.name).toBe('Snacks');

      const renamed = await call('PATCH', `/categories/${snacks.body.id}`, user, { name: 'Treats' });
      expect(renamed.status).toBe(200);
      expect((await api.get<ExpenseView>(`/expenses/${expense.body.id}`, { token: user.token })).body.category).toEqual({ id: snacks.body.id, name: 'Treats' });

      const meals = defaults.body.items.find((c) => c.name === 'meals') as CategoryView;
      const merged = await api.post<CategoryView>(`/categories/${snacks.body.id}/merge`, { into: meals.id }, { token: user.token });
      expect(merged.body).toMatchObject({ id: meals.id, expenseCount: 1 });
      const moved = await api.get<ExpenseView>(`/expenses/${expense.body.id}`, { token: user.token });
      expect(moved.body.category.id).toBe(meals.id);
      expect(moved.body.version).toBe(2);
      expect((await api.get<CategoryList>('/categories', { token: user.token })).body.items.map((c) => c.id)).not.toContain(snacks.body.id);
    });
  });

  describe('currencies', () => {
    let admin: Session;

    beforeAll(async () => {
      await newSession(api, ADMIN);
      const roles = (...args: string[]) =>
        promisify(execFile)(process.execPath, [path.join(WORKSPACE_ROOT, 'dist/apps/auth/src/roles.js'), ...args], {
          env: { ...process.env, DATABASE_URL: platform.infra.database.url, LOG_LEVEL: 'warn' },
        });
      await expect(roles('grant', `nobody-${randomUUID()}@example.com`)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/no account/) });
      await expect(roles('promote', ADMIN)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/usage/) });
      expect((await roles('grant', ADMIN)).stdout).toBe(`${ADMIN}: admin\n`);
      admin = await logIn(api, ADMIN);
    });

    const importRates = (session: Session, xml: string) =>
      fetch(`${platform.gatewayUrl}/api/v1/admin/fx-rates?source=ECB`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/xml' },
        body: xml,
      });

    it('lets only admins import rates, and refuses files that are not ECB rates', async () => {
      expect((await importRates(me, ecbXml({ '2026-06-01': { USD: '1.1' } }))).status).toBe(403);
      expect((await importRates(admin, '<html>oops</html>')).status).toBe(400);
    });

    it('converts at the rate of the nearest earlier business day, and later when rates arrive', async () => {
      const user = await newSession(api);
      // Saturday 2026-06-06: no ECB rate that day; nothing imported yet either.
      const saturday = await create(user, { vendor: 'Diner', date: '2026-06-06', amount: '21.65', currency: 'USD' });
      expect(saturday.body).toMatchObject({ conversionStatus: 'pending', converted: null });

      const imported = await importRates(admin, ecbXml({ '2026-06-04': { USD: '1.0800' }, '2026-06-05': { USD: '1.0825', GBP: '0.8500' } }));
      expect(imported.status).toBe(201);
      expect(await imported.json()).toMatchObject({ days: 2, rates: 3, firstDate: '2026-06-04', lastDate: '2026-06-05' });

      let converted: ExpenseView | undefined;
      for (let i = 0; i < 100 && converted?.conversionStatus !== 'converted'; i++) {
        converted = (await api.get<ExpenseView>(`/expenses/${saturday.body.id}`, { token: user.token })).body;
        await sleep(100);
      }
      // 21.65 USD / 1.0825 USD per EUR = 20.00 EUR, at Friday's rate
      expect(converted?.converted).toMatchObject({ amount: '20.00', currency: 'EUR', rateDate: '2026-06-05', source: 'ECB' });

      const gbp = await create(user, { vendor: 'Pub', date: '2026-06-05', amount: '8.50', currency: 'GBP' });
      expect(gbp.body.converted).toMatchObject({ amount: '10.00', currency: 'EUR', rateDate: '2026-06-05' });
    });

    it('imports a rates file with the CLI, straight into the database', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'irp-rates-'));
      const file = path.join(dir, 'eurofxref.xml');
      await writeFile(file, ecbXml({ '2026-07-01': { CHF: '0.9400' } }));
      const cli = path.join(WORKSPACE_ROOT, 'dist/apps/expenses/src/fx-import.js');
      const run = promisify(execFile);
      await run(process.execPath, [cli, file], { env: { ...process.env, DATABASE_URL: platform.infra.database.url, LOG_LEVEL: 'warn' } });
      await expect(run(process.execPath, [cli, path.join(dir, 'missing.xml')], { env: { ...process.env, DATABASE_URL: platform.infra.database.url } })).rejects.toThrow();
      await rm(dir, { recursive: true, force: true });

      const user = await newSession(api);
      const chf = await create(user, { vendor: 'Kiosk', date: '2026-07-01', amount: '9.40', currency: 'CHF' });
      expect(chf.body.converted).toMatchObject({ amount: '10.00', currency: 'EUR', rateDate: '2026-07-01' });
    });

    it('converts every expense again into a new base currency', async () => {
      const user = await newSession(api);
      const euros = await create(user, { vendor: 'Bakery', date: '2026-06-05', amount: '10.00', currency: 'EUR' });
      expect((await api.get<SettingsView>('/settings', { token: user.token })).body).toEqual({ baseCurrency: 'EUR', locale: 'en-GB' });
      const settings = await call('PATCH', '/settings', user, { baseCurrency: 'USD', locale: 'en-US' });
      expect(await settings.json()).toEqual({ baseCurrency: 'USD', locale: 'en-US' });
      let view: ExpenseView | undefined;
      for (let i = 0; i < 100 && view?.converted?.currency !== 'USD'; i++) {
        view = (await api.get<ExpenseView>(`/expenses/${euros.body.id}`, { token: user.token })).body;
        await sleep(100);
      }
      // 10.00 EUR × 1.0825 = 10.825 USD: half to even gives 10.82 (unbiased over many expenses)
      expect(view?.converted).toMatchObject({ amount: '10.82', currency: 'USD', rate: '1.0825' });
      expect((await call('PATCH', '/settings', user, { baseCurrency: 'DOGE' })).status).toBe(400);
    });
  });
});
