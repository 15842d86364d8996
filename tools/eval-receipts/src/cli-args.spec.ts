import { parseArgs, UsageError } from './cli-args';

describe(parseArgs.name, () => {
  it('reads with the legacy engine’s second opinion unless told not to', () => {
    expect(parseArgs(['data'])).toMatchObject({ directory: 'data', workers: 1, secondOpinion: true });
    expect(parseArgs(['data', '--no-second-opinion', '--workers', '2'])).toMatchObject({ secondOpinion: false, workers: 2 });
  });

  it('refuses an unknown option and a missing directory', () => {
    expect(() => parseArgs(['data', '--fast'])).toThrow(UsageError);
    expect(() => parseArgs(['--verbose'])).toThrow('directory is missing');
  });

  it('takes one engine setting, or two or more to compare', () => {
    expect(parseArgs(['data', '--engines', 'paddle'])).toMatchObject({ engines: 'paddle', compare: null });
    expect(parseArgs(['data', '--compare', 'tesseract,paddle+tesseract'])).toMatchObject({ compare: ['tesseract', 'paddle+tesseract'] });
    expect(() => parseArgs(['data', '--engines', 'easyocr'])).toThrow('unknown engine setting "easyocr"');
    expect(() => parseArgs(['data', '--compare', 'paddle'])).toThrow('two or more');
  });
});
