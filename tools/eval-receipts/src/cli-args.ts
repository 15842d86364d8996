import { DEFAULT_ENGINE_SETTING, ENGINE_SETTINGS, isEngineSetting, type EngineSetting } from '@irp/receipt-reading';

export interface CliArgs {
  directory: string;
  json: boolean;
  workers: number;
  /** Score the extractor on the dataset's OCR ground truth (`<ID>.box.txt`) instead of reading the files. */
  groundTruthText: boolean;
  /** Documents timed with one and with two workers for the speed-up; 0 skips it. */
  speedupSample: number;
  /** Write each document's read text to `<saveText>/<ID>.txt`. */
  saveText: string | null;
  /** Score the extractor on texts saved earlier with --save-text, without reading the files again. */
  textFrom: string | null;
  /** Read dates in the ground truth month first (US). */
  monthFirst: boolean;
  /** Re-read unsure total and date lines with the legacy engine (the reader's default). */
  secondOpinion: boolean;
  verbose: boolean;
  /** The OCR engines that read the documents. */
  engines: EngineSetting;
  /** Engine settings read side by side, each in its own process (its own peak RSS). */
  compare: EngineSetting[] | null;
}

export const USAGE = `usage: eval-receipts <dir> [--json] [--workers N] [--ground-truth-text] [--speedup-sample N]
                     [--save-text DIR] [--text-from DIR] [--month-first] [--no-second-opinion] [--verbose]
                     [--engines SETTING | --compare SETTING,SETTING]

Reads every <ID>.jpg|.jpeg|.png|.pdf in <dir> that has <ID>.json ground truth {company, date, address, total}
with the same DocumentReader the OCR service uses, and prints per-field accuracy, the median seconds per
document and the peak RSS, then the speed-up of two workers over one on a sample.
  --ground-truth-text  score the extractor alone on the dataset's OCR ground truth (<ID>.box.txt)
  --save-text DIR      keep each document's text as DIR/<ID>.txt; --text-from DIR scores the extractor on them
  --no-second-opinion  read without the legacy engine's second reading of unsure total and date lines
  --verbose            print each wrong field, expected and extracted
  --engines SETTING    the OCR engines: ${ENGINE_SETTINGS.join(', ')} (default ${DEFAULT_ENGINE_SETTING})
  --compare A,B        read the documents with each setting (one process each) and print the figures side by side`;

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    directory: '',
    json: false,
    workers: 1,
    groundTruthText: false,
    speedupSample: 16,
    saveText: null,
    textFrom: null,
    monthFirst: false,
    secondOpinion: true,
    verbose: false,
    engines: DEFAULT_ENGINE_SETTING,
    compare: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--json':
        args.json = true;
        break;
      case '--ground-truth-text':
        args.groundTruthText = true;
        break;
      case '--month-first':
        args.monthFirst = true;
        break;
      case '--no-second-opinion':
        args.secondOpinion = false;
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--workers':
        args.workers = positiveInteger(argv[++i], arg, 1);
        break;
      case '--save-text':
        args.saveText = required(argv[++i], arg);
        break;
      case '--text-from':
        args.textFrom = required(argv[++i], arg);
        break;
      case '--engines':
        args.engines = engineSetting(argv[++i], arg);
        break;
      case '--compare':
        args.compare = required(argv[++i], arg).split(',').map((setting) => engineSetting(setting, arg));
        if (args.compare.length < 2) throw new UsageError('--compare needs two or more settings, comma-separated');
        break;
      case '--speedup-sample':
        args.speedupSample = positiveInteger(argv[++i], arg, 0);
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
        if (args.directory) throw new UsageError(`one directory only (got ${args.directory} and ${arg})`);
        args.directory = arg;
    }
  }
  if (!args.directory) throw new UsageError('the dataset directory is missing');
  if (args.compare && (args.groundTruthText || args.textFrom || args.saveText)) throw new UsageError('--compare reads the documents: it does not go with --ground-truth-text, --text-from or --save-text');
  return args;
}

function required(value: string | undefined, option: string): string {
  if (!value || value.startsWith('--')) throw new UsageError(`${option} needs a value`);
  return value;
}

function engineSetting(value: string | undefined, option: string): EngineSetting {
  const setting = required(value, option);
  if (!isEngineSetting(setting)) throw new UsageError(`${option}: unknown engine setting "${setting}" (one of ${ENGINE_SETTINGS.join(', ')})`);
  return setting;
}

function positiveInteger(value: string | undefined, option: string, min: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(`${option} needs an integer ≥ ${min}`);
  return parsed;
}
