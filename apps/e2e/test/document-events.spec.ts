import { randomUUID } from 'node:crypto';
import type { DocumentProgressEvent, DocumentView, StreamTokenView } from '@irp/contracts';
import { httpClient, receiptImage, startTestPlatform, type HttpClient, type TestPlatform } from '@irp/testing';
import { makeJwt } from './jwt';
import { newSession, type Session } from './session';
import { readEvents, type SseEvent } from './sse';

const STREAM_TOKEN_SECRET = 'e2e-stream-token-secret-of-32-chars-or-more';
const isFinal = (status: string) => status === 'completed' || status === 'failed';

type StreamData = DocumentView | DocumentProgressEvent;

describe('document events: ids, resume and stream tokens (a browser EventSource)', () => {
  let platform: TestPlatform;
  let api: HttpClient;
  let me: Session;

  beforeAll(async () => {
    platform = await startTestPlatform({ serviceEnv: { gateway: { STREAM_TOKEN_SECRET } } });
    api = httpClient(`${platform.gatewayUrl}/api/v1`);
    me = await newSession(api);
  });

  afterAll(async () => {
    await platform?.close();
  });

  async function upload(session: Session, lines: string[]): Promise<string> {
    const response = await fetch(`${platform.gatewayUrl}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(await receiptImage(lines)),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as DocumentView).id;
  }

  const eventsUrl = (documentId: string, query = '') => `${platform.gatewayUrl}/api/v1/documents/${documentId}/events${query}`;
  const bearer = (session: Session) => ({ authorization: `Bearer ${session.token}` });
  const ids = (events: SseEvent[]) => events.map((e) => Number(e.id));
  const consecutiveFrom = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

  it('numbers every event and tells EventSource how soon to reconnect', async () => {
    const documentId = await upload(me, ['BAKERY NOVA', 'Date: 02/05/2026', 'TOTAL EUR 4.20']);
    const stream = await readEvents<StreamData>(eventsUrl(documentId), bearer(me));
    expect(stream.status).toBe(200);
    expect(stream.retry).toBe(3000);
    expect(stream.headers.get('ratelimit')).toMatch(/^"reads";r=\d+;t=\d+$/);
    expect(ids(stream.events)).toEqual(consecutiveFrom(1, stream.events.length));
    expect(stream.events[0].event).toBe('state');
    expect(stream.events.at(-1)?.event).toBe('done');
  });

  it('resumes from Last-Event-ID with the current state at once, not the progress it missed, and ids going on', async () => {
    const documentId = await upload(me, ['KIOSK 24', 'Date: 03/05/2026', 'TOTAL EUR 2.50']);
    const first = await readEvents<StreamData>(eventsUrl(documentId), bearer(me), () => true);
    expect(first.events).toEqual([expect.objectContaining({ id: '1', event: 'state' })]);

    const resumed = await readEvents<StreamData>(eventsUrl(documentId), { ...bearer(me), 'last-event-id': '1' });
    const [now] = resumed.events;
    const state = now.data as DocumentView;
    // The document as it is on reconnecting: `done` at once when it is finished already.
    expect(now.event).toBe(isFinal(state.status) ? 'done' : 'state');
    expect(state.progress).toBeGreaterThanOrEqual((first.events[0].data as DocumentView).progress);
    expect(ids(resumed.events)).toEqual(consecutiveFrom(2, resumed.events.length));
    expect(resumed.events.at(-1)).toMatchObject({ event: 'done', data: { id: documentId, status: 'completed' } });

    // Reconnecting after the end: the final state once, numbered after the last id seen, then the stream closes.
    const afterEnd = await readEvents<StreamData>(eventsUrl(documentId), { ...bearer(me), 'last-event-id': '41' });
    expect(afterEnd.events).toEqual([expect.objectContaining({ id: '42', event: 'done', data: expect.objectContaining({ status: 'completed' }) })]);
  });

  it('refuses a Last-Event-ID the stream never sent, naming it', async () => {
    const documentId = await upload(me, ['CAFE', 'TOTAL EUR 1.00']);
    const response = await fetch(eventsUrl(documentId), { headers: { ...bearer(me), 'last-event-id': 'abc' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain('Last-Event-ID');
  });

  describe('stream tokens', () => {
    let documentId: string;
    let issued: StreamTokenView;

    beforeAll(async () => {
      documentId = await upload(me, ['NEWSAGENT', 'Date: 04/05/2026', 'TOTAL EUR 3.10']);
      const response = await api.post<StreamTokenView>(`/documents/${documentId}/stream-token`, undefined, { token: me.token });
      expect(response.status).toBe(200);
      issued = response.body;
    });

    it('opens the stream of its document without an Authorization header, as EventSource connects', async () => {
      expect(issued.url).toBe(`/api/v1/documents/${documentId}/events?token=${encodeURIComponent(issued.token)}`);
      const expiresIn = Date.parse(issued.expiresAt) - Date.now();
      expect(expiresIn).toBeGreaterThan(0);
      expect(expiresIn).toBeLessThanOrEqual(300_000);
      const stream = await readEvents<StreamData>(`${platform.gatewayUrl}${issued.url}`);
      expect(stream.status).toBe(200);
      expect(stream.events.at(-1)).toMatchObject({ event: 'done', data: { id: documentId } });
    });

    it('is refused for another document, even one of the same user', async () => {
      const other = await upload(me, ['BOOKSHOP', 'TOTAL EUR 9.90']);
      const response = await fetch(eventsUrl(other, `?token=${issued.token}`));
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toContain('another document');
    });

    it('is refused on any other route, as a query parameter or as a bearer token', async () => {
      expect((await api.get(`/documents/${documentId}?token=${issued.token}`)).status).toBe(401);
      expect((await api.get(`/documents/${documentId}/file?token=${issued.token}`)).status).toBe(401);
      expect((await api.get(`/documents/${documentId}`, { token: issued.token })).status).toBe(401);
      expect((await fetch(eventsUrl(documentId), { headers: { authorization: `Bearer ${issued.token}` } })).status).toBe(401);
    });

    it('is refused once expired', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: (await api.get<{ id: string }>('/auth/me', { token: me.token })).body.id, doc: documentId, aud: 'irp:document-events', iss: 'irp-gateway' };
      const expired = makeJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 600, exp: now - 300 }, { hmac: STREAM_TOKEN_SECRET });
      const response = await fetch(eventsUrl(documentId, `?token=${expired}`));
      expect(response.status).toBe(401);
      expect(((await response.json()) as { detail: string }).detail).toContain('expired');
      // The same claims, still valid: the refusal above is the expiry, not the forging.
      const valid = makeJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now, exp: now + 60 }, { hmac: STREAM_TOKEN_SECRET });
      expect((await readEvents(eventsUrl(documentId, `?token=${valid}`), {}, () => true)).status).toBe(200);
    });

    it("is not issued for another user's document, nor without an access token", async () => {
      const stranger = await newSession(api);
      expect((await api.post(`/documents/${documentId}/stream-token`, undefined, { token: stranger.token })).status).toBe(404);
      expect((await api.post(`/documents/${documentId}/stream-token`)).status).toBe(401);
      expect((await api.post(`/documents/${randomUUID()}/stream-token`, undefined, { token: me.token })).status).toBe(404);
    });
  });
});
