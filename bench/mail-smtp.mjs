// Mail in through SMTP, measured on the built services (npm run build first):
//   npm run bench:mail [-- --messages 1000 --connections 8 --workers 4]
// Starts its own PostgreSQL, NATS and the services (as `npm start` does, in a temp dir), then sends
// the messages, each with one small PDF and its own Message-ID, from a real SMTP client (nodemailer,
// a pool of connections) to one user's address, and prints
//   1. how fast messages are accepted (250 after DATA: stored durably, not yet filed),
//   2. the time from the last acceptance until every message's document is registered with expenses.
import { createTransport } from 'nodemailer';
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { infra, percentile, signUp, startBenchInfrastructure } from './bench-platform.mjs';

const { values: args } = parseArgs({
  options: { messages: { type: 'string', default: '1000' }, connections: { type: 'string', default: '8' }, workers: { type: 'string', default: '4' } },
});
const MESSAGES = Number(args.messages);
const CONNECTIONS = Number(args.connections);

function smallPdf(lines) {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A6', margin: 20 });
    const chunks = [];
    document.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
    for (const line of lines) document.text(line);
    document.end();
  });
}

const smtpPort = await infra.freePort();
const { postgres, options, dispose } = await startBenchInfrastructure({
  serviceEnv: { expenses: { FX_FEED_ENABLED: 'false' }, ocr: { OCR_WORKERS: '1' }, 'mail-ingest': { SMTP_PORT: String(smtpPort), MAIL_WORKERS: args.workers } },
});
let platform;
const db = new pg.Client({ connectionString: postgres.url() });
try {
  await infra.migratePlatform(options);
  platform = await infra.startPlatform(options);
  await db.connect();
  const api = `${platform.gatewayUrl}/api/v1`;
  const { accessToken } = await signUp(api);
  const { address } = await fetch(`${api}/inbox`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.json());
  // Each receipt its own (another total), so expenses sees no same-bytes duplicates.
  const pdfs = await Promise.all(Array.from({ length: MESSAGES }, (_, i) => smallPdf([`Bench Cafe ${i}`, 'Date: 2026-03-01', `Coffee   ${(3 + i / 100).toFixed(2)}`, `TOTAL EUR   ${(3 + i / 100).toFixed(2)}`])));

  const transport = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: CONNECTIONS, maxMessages: Infinity });
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS * 2 }, async () => {
      while (next < MESSAGES) {
        const i = next++;
        const sent = performance.now();
        await transport.sendMail({
          from: 'billing@bench.example',
          to: address,
          subject: `Receipt ${i}`,
          messageId: `<bench-${i}-${Date.now()}@bench.example>`,
          text: 'Your receipt is attached.',
          attachments: [{ filename: `receipt-${i}.pdf`, content: pdfs[i] }],
        });
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const lastAccepted = performance.now();
  transport.close();

  // Filed: the message's documents are registered with expenses (status processed, documents named).
  let filed = 0;
  for (;;) {
    const { rows } = await db.query(`select count(*)::int as n from mail.message where status = 'processed' and cardinality(document_ids) = 1`);
    filed = rows[0].n;
    if (filed >= MESSAGES || performance.now() - lastAccepted > 600_000) break;
    await sleep(20);
  }
  const allFiled = performance.now();
  const { rows: documents } = await db.query(`select count(*)::int as n from expenses.document where provenance is not null`);

  latencies.sort((a, b) => a - b);
  const acceptSeconds = (lastAccepted - started) / 1000;
  console.log(`mail through SMTP: ${MESSAGES} messages, each with a ${pdfs[0].length}-byte PDF, ${CONNECTIONS} SMTP connections, ${args.workers} mail workers`);
  console.log(`  accepted:  ${acceptSeconds.toFixed(2)} s, ${(MESSAGES / acceptSeconds).toFixed(1)} messages/s; per message p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  console.log(`  filed:     ${filed}/${MESSAGES} messages, ${documents[0].n} documents registered with expenses`);
  console.log(`  last accepted → every document registered: ${((allFiled - lastAccepted) / 1000).toFixed(2)} s`);
} finally {
  await db.end().catch(() => undefined);
  await platform?.stop();
  await dispose();
}
