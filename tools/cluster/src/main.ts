import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatFigures } from './figures';
import { runScenario } from './scenario';

// `npm run cluster`: the scale-out proof on this machine (see README "Scale-out test").
/* eslint-disable no-console -- this is a terminal program */

const USAGE = `usage: npm run cluster -- [--duration 60] [--uploads 2] [--writes 4] [--users 3] [--data-dir DIR]
  --duration  seconds of load (the kills happen between 20% and 70% of it)
  --uploads   uploads per second (unique text-layer PDFs)
  --writes    expense writes per second
  --data-dir  keep logs and stores there (default: a temporary directory, removed afterwards)`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${name} must be a non-negative number, not "${value}"`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      uploads: { type: 'string' },
      writes: { type: 'string' },
      users: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const started = Date.now();
  const result = await runScenario({
    root: path.resolve(__dirname, '../../../..'),
    durationMs: positive('duration', values.duration, 60) * 1000,
    uploadsPerSecond: positive('uploads', values.uploads, 2),
    expenseWritesPerSecond: positive('writes', values.writes, 4),
    users: Math.max(1, Math.round(positive('users', values.users, 3))),
    dataDir: values['data-dir'] && path.resolve(values['data-dir']),
    onProgress: (message) => console.log(`[cluster] ${message}`),
  });
  console.log(`\n${formatFigures(result.figures, result.audit, result.kills, result.operations)}\n(run took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exitCode = result.figures.passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`\ncluster run failed: ${(error as Error).message}`);
  if ((error as Error).message.startsWith('--')) console.error(USAGE);
  process.exitCode = 1;
});
