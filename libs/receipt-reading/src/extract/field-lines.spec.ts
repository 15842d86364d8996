import { dateLines, headerLineCount, totalLines } from './field-lines';

describe('field lines', () => {
  const text = ['ACME SDN BHD', 'NO 8, JALAN 7', 'Date: 25/12/2018 20:13', 'PEN 2 x 1.50 3.00', 'TOTAL 3.00', 'GST SUMMARY', 'TOTAL 3.00 0.18', 'CASH 5.00'].join('\n');

  it('finds the total lines outside the tax summary', () => {
    expect(totalLines(text)).toEqual([4]);
  });

  it('finds the date lines, or the lines with a time or half a date when no date parses', () => {
    expect(dateLines(text)).toEqual([2]);
    expect(dateLines(['ACME', 'Dae ; OMAR 10:52', 'TOTAL 3.00', 'THANK YOU', 'BYE'].join('\n'))).toEqual([1]);
  });

  it('counts the header lines, up to the first amount', () => {
    expect(headerLineCount(text)).toBe(3);
  });
});
