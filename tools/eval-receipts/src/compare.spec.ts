import { parseArgs } from './cli-args';
import { childArgs, comparisonTable } from './compare';

describe(childArgs.name, () => {
  it("runs each setting with this run's options, as JSON", () => {
    const args = parseArgs(['data', '--compare', 'tesseract,paddle', '--workers', '2', '--month-first', '--no-second-opinion', '--speedup-sample', '4']);
    expect(childArgs(args, 'paddle')).toEqual(['data', '--json', '--engines', 'paddle', '--workers', '2', '--speedup-sample', '4', '--month-first', '--no-second-opinion']);
  });
});

describe(comparisonTable.name, () => {
  it('prints the settings side by side, a row per figure', () => {
    const figures = (company: number, medianSeconds: number, peakRssMb: number, speedup?: number) => ({
      n: 78,
      accuracy: { company, date: 0.9, address: 0.5, total: 0.95 },
      medianSeconds,
      peakRssMb,
      ...(speedup !== undefined && { speedup }),
    });
    const table = comparisonTable(new Map([['tesseract', figures(0.577, 1.51, 420, 1.8)], ['paddle+tesseract', figures(0.8, 2.5, 900)]] as const)).split('\n');
    expect(table[0]).toMatch(/^\s+tesseract\s+paddle\+tesseract$/);
    expect(table[1]).toMatch(/^company\s+57\.7%\s+80\.0%$/);
    expect(table).toContainEqual(expect.stringMatching(/^median\s+1\.51 s\s+2\.50 s$/));
    expect(table).toContainEqual(expect.stringMatching(/^peak RSS\s+420 MB\s+900 MB$/));
    expect(table).toContainEqual(expect.stringMatching(/^speed-up\s+1\.80x\s+–$/));
  });
});
