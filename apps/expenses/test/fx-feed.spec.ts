import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SUBJECTS, type ExpenseView } from '@irp/contracts';
import { EcbFeedService } from '../src/fx/ecb-feed.service';
import { ecbXml } from './factories/ecb.factory';
import { aUser, anExpense } from './factories/expense.factory';
import { startExpenses, type ExpensesUnderTest } from './expenses-service';

/** A stand-in for www.ecb.europa.eu, on localhost. */
async function fakeEcb(): Promise<{ server: Server; url: string; hits: Record<string, number> }> {
  const hits: Record<string, number> = {};
  const server = createServer((req, res) => {
    hits[req.url ?? ''] = (hits[req.url ?? ''] ?? 0) + 1;
    switch (req.url) {
      case '/hist-90d.xml':
        return res.end(ecbXml({ '2026-03-02': { USD: '1.0500' }, '2026-03-03': { USD: '1.0600' } }));
      case '/daily.xml':
        return res.end(ecbXml({ '2026-03-04': { USD: '1.0700', JPY: '160.00' } }));
      case '/broken':
        res.writeHead(500);
        return res.end('maintenance');
      case '/hang':
        return; // never answers
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

describe('ECB rates feed', () => {
  let ecb: Awaited<ReturnType<typeof fakeEcb>>;
  let svc: ExpensesUnderTest;
  let feed: EcbFeedService;

  beforeAll(async () => {
    ecb = await fakeEcb();
    svc = await startExpenses({
      env: {
        FX_FEED_ENABLED: 'true',
        FX_ECB_HISTORY_URL: `${ecb.url}/hist-90d.xml`,
        FX_ECB_DAILY_URL: `${ecb.url}/daily.xml`,
        FX_FETCH_TIMEOUT_MS: '1000',
      },
    });
    feed = svc.app.get(EcbFeedService, { strict: false });
  });

  afterAll(async () => {
    await svc?.close();
    ecb?.server.closeAllConnections();
    ecb?.server.close();
  });

  const convertedOn = async (date: string): Promise<ExpenseView> =>
    svc.rpc.request(SUBJECTS.createExpense, { userId: aUser(), expense: anExpense({ date, amount: '10.60', currency: 'USD' }) });

  it('backfills the recent history at start when no rates are stored', async () => {
    for (let i = 0; i < 50 && !ecb.hits['/hist-90d.xml']; i++) await sleep(100);
    let expense = await convertedOn('2026-03-03');
    for (let i = 0; i < 50 && expense.conversionStatus !== 'converted'; i++) {
      await sleep(100);
      expense = await convertedOn('2026-03-03');
    }
    expect(expense.converted).toMatchObject({ amount: '10.00', currency: 'EUR', rate: expect.stringMatching(/^0\.943396/), rateDate: '2026-03-03', source: 'ECB' });
  });

  it('stores the daily file when the schedule fires', async () => {
    expect(await feed.fetch(`${ecb.url}/daily.xml`)).toBe(true);
    expect((await convertedOn('2026-03-04')).converted?.rateDate).toBe('2026-03-04');
  });

  it('trips its circuit breaker on a failing feed, and the API keeps answering', async () => {
    expect(await feed.fetch(`${ecb.url}/broken`)).toBe(false);
    expect(await feed.fetch(`${ecb.url}/broken`)).toBe(false);
    // The circuit is open: the hanging feed is not even asked, so nothing waits on it.
    expect(await feed.fetch(`${ecb.url}/hang`)).toBe(false);
    expect(ecb.hits['/hang']).toBeUndefined();

    const expense = await convertedOn('2026-03-04');
    expect(expense.conversionStatus).toBe('converted');
  });
});
