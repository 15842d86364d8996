
import { parseArgs, USAGE, UsageError, type CliArgs } from './cli-args';
import { comparisonTable, compareSettings } from './compare';
import { loadDataset, type DatasetDocument } from './dataset';
import { evaluateGroundTruthText, evaluateSavedText, readDataset, timeReading, type DocumentResult } from './evaluate';
import { SCORED_FIELDS } from './score';
import { printError, printLine } from './output';
import { summarise, toJson, toText } from './summary';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.compare) {
    const figures = await compareSettings(args, process.argv[1], (setting, measured) => printError(`${setting}: ${JSON.stringify(measured)}`));
    printLine(comparisonTable(figures));
    return;
  }
  const documents = await loadDataset(args.directory);
  if (documents.length === 0) throw new UsageError(`no <ID>.jpg|.png|.pdf with <ID>.json in ${args.directory}`);
  const options = { monthFirst: args.monthFirst };

  const reads = !args.groundTruthText && !args.textFrom;
  const results = args.groundTruthText
    ? await evaluateGroundTruthText(documents, options)
    : args.textFrom
      ? await evaluateSavedText(documents, args.textFrom, options)
      : await readDataset(documents, args.workers, { monthFirst: args.monthFirst, saveText: args.saveText, secondOpinion: args.secondOpinion, engines: args.engines });
  const summary = summarise(results);
  if (args.verbose) printMistakes(results);
  const speedup = reads && args.speedupSample > 0 ? await measureSpeedup(documents.slice(0, args.speedupSample), args) : null;
  if (args.json) printLine(toJson(summary, speedup?.ratio));
  else {
    const source = args.groundTruthText
      ? 'extractor on the OCR ground truth text'
      : args.textFrom
        ? `extractor on the texts in ${args.textFrom}`
        : `read with ${args.workers} worker(s), engines ${args.engines}`;
    printLine(toText(summary, `${summary.n} documents, ${source}`));
  }
  if (speedup) (args.json ? printError : printLine)(speedup.line);
}

/** Throughput of two workers against one on the same documents. */
async function measureSpeedup(sample: readonly DatasetDocument[], args: CliArgs): Promise<{ ratio: number; line: string }> {
  const options = { secondOpinion: args.secondOpinion, engines: args.engines };
  const one = await timeReading(sample, 1, options);
  const two = await timeReading(sample, 2, options);
  const ratio = Number((one / two).toFixed(2));
  return { ratio, line: `speed-up 2 workers vs 1: ${ratio.toFixed(2)}x (${sample.length} documents: ${one.toFixed(1)} s with 1 worker, ${two.toFixed(1)} s with 2)` };
}

function printMistakes(results: readonly DocumentResult[]): void {
  for (const result of results) {
    const wrong = SCORED_FIELDS.filter((field) => result.scores[field] === false);
    if (wrong.length === 0 && !result.error) continue;
    const fields = result.fields;
    const got = {
      company: fields?.vendorName?.value,
      date: fields?.date?.value,
      address: fields?.vendorAddress?.value,
      total: fields?.total?.value,
    };
    const details = wrong.map((field) => `${field}: ${JSON.stringify(got[field] ?? null)} expected ${JSON.stringify(result.truth[field])}`).join('; ');
    printError(`${result.id}: ${result.error ?? details}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    printError(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  printError(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
