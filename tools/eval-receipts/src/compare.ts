import { spawn } from 'node:child_process';
import type { EngineSetting } from '@irp/receipt-reading';
import type { CliArgs } from './cli-args';
import { SCORED_FIELDS, type ScoredField } from './score';

/** One setting's figures: the JSON line of a run with `--json`. */
export interface SettingFigures {
  n: number;
  accuracy: Record<ScoredField, number>;
  medianSeconds: number | null;
  peakRssMb: number;
  speedup?: number;
}

/**
 * Each engine setting read by a run of this tool in its own process, one after the other (so each
 * has the CPU to itself and its own peak RSS), with the options of this run. `onSetting` hears of
 * each as it is done: a long comparison stopped half-way keeps what it measured.
 */
export async function compareSettings(args: CliArgs, script: string, onSetting: (setting: EngineSetting, figures: SettingFigures) => void): Promise<Map<EngineSetting, SettingFigures>> {
  const figures = new Map<EngineSetting, SettingFigures>();
  for (const setting of args.compare ?? []) {
    const measured = await runSetting(script, childArgs(args, setting));
    figures.set(setting, measured);
    onSetting(setting, measured);
  }
  return figures;
}

export function childArgs(args: CliArgs, setting: EngineSetting): string[] {
  return [
    args.directory,
    '--json',
    '--engines', setting,
    '--workers', String(args.workers),
    '--speedup-sample', String(args.speedupSample),
    ...(args.monthFirst ? ['--month-first'] : []),
    ...(args.secondOpinion ? [] : ['--no-second-opinion']),
  ];
}

function runSetting(script: string, argv: string[]): Promise<SettingFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`eval-receipts ${argv.join(' ')} failed (exit ${code})`));
      else resolve(JSON.parse(line) as SettingFigures);
    });
  });
}

/** The settings as columns, the figures as rows. */
export function comparisonTable(figures: ReadonlyMap<EngineSetting, SettingFigures>): string {
  const settings = [...figures.keys()];
  const width = Math.max(18, ...settings.map((s) => s.length + 2));
  const row = (label: string, cell: (f: SettingFigures) => string) => label.padEnd(10) + settings.map((s) => cell(figures.get(s) as SettingFigures).padStart(width)).join('');
  const lines = [''.padEnd(10) + settings.map((s) => s.padStart(width)).join('')];
  for (const field of SCORED_FIELDS) lines.push(row(field, (f) => `${(f.accuracy[field] * 100).toFixed(1)}%`));
  lines.push(row('median', (f) => (f.medianSeconds === null ? '–' : `${f.medianSeconds.toFixed(2)} s`)));
  lines.push(row('peak RSS', (f) => `${f.peakRssMb} MB`));
  lines.push(row('speed-up', (f) => (f.speedup === undefined ? '–' : `${f.speedup.toFixed(2)}x`)));
  lines.push(row('documents', (f) => String(f.n)));
  return lines.join('\n');
}
