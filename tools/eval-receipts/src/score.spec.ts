import type { ExtractedFields } from '@irp/contracts';
import { normaliseAmount, normaliseDate, normaliseText, scoreFields } from './score';

describe(scoreFields.name, () => {
  const fields = (values: { company?: string; date?: string; address?: string; total?: string }): ExtractedFields =>
    ({
      vendorName: values.company ? { value: values.company, confidence: 1 } : null,
      vendorAddress: values.address ? { value: values.address, confidence: 1 } : null,
      date: values.date ? { value: values.date, confidence: 1 } : null,
      total: values.total ? { value: values.total, confidence: 1 } : null,
    }) as ExtractedFields;

  it('compares totals as numbers, dates as dates, text without case or white space', () => {
    const sut = scoreFields(
      fields({ company: 'Book Ta .K (Taman Daya) SDN BHD', date: '2018-12-25', address: 'NO 8,JALAN 7', total: '9' }),
      { company: 'BOOK TA .K(TAMAN DAYA) SDN BHD', date: '25/12/2018', address: 'NO 8, JALAN 7', total: 'RM 9.00' },
      { monthFirst: false },
    );
    expect(sut).toEqual({ company: true, date: true, address: true, total: true });
  });

  it('scores a missing extraction as wrong and a missing ground truth not at all', () => {
    const sut = scoreFields(fields({ total: '9.01' }), { company: 'X', date: null, address: null, total: '9.00' }, { monthFirst: false });
    expect(sut).toEqual({ company: false, date: null, address: null, total: false });
  });
});

describe('normalisers', () => {
  it.each([
    ['25/12/2018', '2018-12-25'],
    ['20-11-17', '2017-11-20'],
    ['03 MAR 2018', '2018-03-03'],
    ['05-JAN-2017', '2017-01-05'],
    ['30 DEC 17', '2017-12-30'],
    ['25032018', '2018-03-25'],
    ['20180428', '2018-04-28'],
    ['2016/05/01', '2016-05-01'],
  ])('reads the date %s', (text, iso) => {
    expect(normaliseDate(text, false)).toBe(iso);
  });

  it('reads month-first dates when told', () => {
    expect(normaliseDate('03/04/2019', true)).toBe('2019-03-04');
  });

  it('reads amounts with currency and grouping', () => {
    expect(normaliseAmount('RM 1,234.50')).toBe('1234.5');
    expect(normaliseAmount('$8.20')).toBe('8.2');
    expect(normaliseAmount('n/a')).toBeNull();
  });

  it('ignores case and white space in text', () => {
    expect(normaliseText(' Sdn  Bhd\n')).toBe('SDNBHD');
  });
});
