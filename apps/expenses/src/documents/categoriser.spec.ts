import { categorise } from './categoriser';

describe(categorise.name, () => {
  it.each([
    [['PETRONAS SUNGAI BESI', 'PRIMAX 95'], 'fuel'],
    [['RESTORAN WAN SHENG'], 'meals'],
    [['AEON CO. (M) BHD'], 'groceries'],
    [['Hotel Maria'], 'lodging'],
    [['SYARIKAT PERNIAGAAN GIN KEE', 'A4 PAPER 80GSM'], 'office supplies'],
    [['Grab ride'], 'travel'],
    [['UNIQUE TRADING'], 'other'],
  ])('%j → %s', (texts, category) => {
    expect(categorise(texts)).toBe(category);
  });

  it('does not see words inside other words', () => {
    expect(categorise(['BARBERSHOP'])).toBe('other');
  });
});
