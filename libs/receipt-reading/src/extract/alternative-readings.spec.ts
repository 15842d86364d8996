import { extractFields } from './extract-fields';

const sut = extractFields;

/** The text of the lines, and for some of them (by index) another engine's reading. */
function read(lines: string[], alternatives: Record<number, string | string[]>): [string, { ocrLines: { alternatives?: string[] }[] }] {
  const ocrLines = lines.map((_, i) => (alternatives[i] === undefined ? {} : { alternatives: [alternatives[i]].flat() }));
  return [lines.join('\n'), { ocrLines }];
}

describe(`${extractFields.name} with another engine's readings`, () => {
  const arithmetic = ['SUB TOTAL 106.10', 'GST 6% 6.37', 'ROUNDING -0.02', 'TOTAL 112.46', 'CASH 120.00'];

  it('takes the other reading of the total when the receipt’s arithmetic confirms it exactly', () => {
    expect(sut(arithmetic.join('\n')).total?.value).toBe('112.46');
    expect(sut(...read(arithmetic, { 3: 'TOTAL 112.45' })).total?.value).toBe('112.45');
  });

  it('keeps the first reading when nothing decides between them', () => {
    const fields = sut(...read(['COFFEE 12.30', 'TOTAL 12.30', 'CASH 20.00'], { 1: 'TOTAL 12.80' }));
    expect(fields.total?.value).toBe('12.30');
  });

  it('ignores a reading that does not read the line’s label as a total', () => {
    const fields = sut(...read(['SUB TOTAL 10.00', 'GST 6% 0.60', 'TOTAL 10.66'], { 2: '1515 10.60' }));
    expect(fields.total?.value).toBe('10.66');
  });

  it('takes the other reading of a labelled date when the receipt prints it again', () => {
    const lines = ['SHOP', 'Date: 08/06/2018 18:47', 'TOTAL 1.00', '09/06/2018 18:47:30'];
    expect(sut(lines.join('\n')).date?.value).toBe('2018-06-08');
    expect(sut(...read(lines, { 1: 'Dafe: 09/06/2018 18:47' })).date?.value).toBe('2018-06-09');
  });

  it('takes the date two other readings of its line agree on over the first reading’s', () => {
    const lines = ['SHOP', '17-04-14 14:02 SHOP BOLY 73', 'TOTAL 1.00'];
    expect(sut(...read(lines, { 1: '17-04-16 14:02 SHOP BOLY 73' })).date?.value).toBe('2014-04-17');
    expect(sut(...read(lines, { 1: ['17-04-16 14:02 SHOP BOLY 73', '17-04-16 14:02 SH0P B0LY 73'] })).date?.value).toBe('2016-04-17');
    expect(sut(...read(lines, { 1: ['17-04-16 14:02 SHOP BOLY 73', '17-04-13 14:02 SHOP BOLY 73'] })).date?.value).toBe('2014-04-17');
  });

  it('finds a date only the other reading could read', () => {
    const fields = sut(...read(['SHOP', '08: 10PH 560197 0-06-16', 'TOTAL 1.00'], { 1: '08310? 56019? 30-06-16' }));
    expect(fields.date?.value).toBe('2016-06-30');
  });
});
