import Big from 'big.js';
import fc from 'fast-check';
import { baseOfTax, normalizedRate, percentOf, taxInGross } from './tax-amounts';

const percent = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 999 })).map(([whole, fraction]) => (whole === 100 ? '100' : `${whole}.${String(fraction).padStart(3, '0')}`));
const amount = fc.bigInt({ min: 0n, max: 10n ** 15n });
const halfEven = (value: Big) => BigInt(value.round(0, Big.roundHalfEven).toFixed(0));

describe('tax amounts', () => {
  it('percentOf is amount × percent / 100 rounded half to even, as decimal arithmetic gives it', () => {
    fc.assert(fc.property(amount, percent, (a, p) => percentOf(a, p) === halfEven(new Big(a.toString()).times(p).div(100))));
    expect(percentOf(3333n, '50')).toBe(1666n);
    expect(percentOf(1235n, '50')).toBe(618n);
  });

  it('taxInGross and baseOfTax agree with decimal arithmetic', () => {
    fc.assert(fc.property(amount, percent, (a, r) => taxInGross(a, r) === halfEven(new Big(a.toString()).times(r).div(new Big(100).plus(r)))));
    fc.assert(fc.property(amount, percent, (t, r) => baseOfTax(t, r) === (new Big(r).eq(0) ? 0n : halfEven(new Big(t.toString()).times(100).div(r)))));
    expect(taxInGross(5400n, '8')).toBe(400n);
    expect(taxInGross(3000n, '8')).toBe(222n);
  });

  it('a gross amount splits exactly into its tax and the rest', () => {
    fc.assert(fc.property(amount, percent, (gross, rate) => gross - taxInGross(gross, rate) + taxInGross(gross, rate) === gross && taxInGross(gross, rate) <= gross));
  });

  it('normalises rates so that one rate is one group', () => {
    expect(['19', '19.00', '7.50', '0', '0.0', '5.125'].map(normalizedRate)).toEqual(['19', '19', '7.5', '0', '0', '5.125']);
    expect(() => percentOf(100n, '7.1234')).toThrow(RangeError);
  });
});
