import Big from 'big.js';
import fc from 'fast-check';
import { AmountError, convertMinorUnits, crossRate, toDecimalString, toMinorUnits } from './amount';
import { currencyExponent, isCurrencyCode } from './currency';

const currencies = fc.constantFrom('EUR', 'USD', 'JPY', 'BHD', 'GBP', 'KWD', 'CLP');
const minorAmount = fc.bigInt({ min: 0n, max: 10n ** 11n }); // within the accepted magnitude in every currency

describe('currencies', () => {
  it('know their exponents', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('BHD')]).toEqual([2, 0, 3]);
  });

  it('are ISO 4217 money only', () => {
    expect(isCurrencyCode('MYR')).toBe(true);
    expect(isCurrencyCode('XAU')).toBe(false); // gold
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isCurrencyCode('eur')).toBe(false);
  });
});

describe(toMinorUnits.name, () => {
  it('reads decimal strings exactly', () => {
    expect(toMinorUnits('12.34', 'EUR')).toBe(1234n);
    expect(toMinorUnits('0.1', 'EUR')).toBe(10n);
    expect(toMinorUnits('1500', 'JPY')).toBe(1500n);
    expect(toMinorUnits('1.005', 'BHD')).toBe(1005n);
    expect(toMinorUnits('-3.50', 'USD')).toBe(-350n);
  });

  it.each([
    ['12.345', 'EUR'],
    ['1.5', 'JPY'],
    ['1e3', 'EUR'],
    ['12,34', 'EUR'],
    ['', 'EUR'],
    ['1000000000000', 'EUR'],
  ])('refuses %p %s', (decimal, currency) => {
    expect(() => toMinorUnits(decimal, currency)).toThrow(AmountError);
  });

  it('round-trips with toDecimalString', () => {
    fc.assert(fc.property(minorAmount, currencies, (minor, currency) => toMinorUnits(toDecimalString(minor, currency), currency) === minor));
  });

  it('formats minor units as the exact decimal, negative amounts included', () => {
    expect(toDecimalString(5n, 'EUR')).toBe('0.05');
    expect(toDecimalString(-1234n, 'EUR')).toBe('-12.34');
    expect(toDecimalString(-7n, 'KWD')).toBe('-0.007');
    expect(toDecimalString(1200n, 'JPY')).toBe('1200');
    const signedMinor = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n });
    fc.assert(
      fc.property(signedMinor, currencies, (minor, currency) => {
        const exponent = currencyExponent(currency);
        return toDecimalString(minor, currency) === new Big(minor.toString()).div(new Big(10).pow(exponent)).toFixed(exponent);
      }),
    );
  });

  it('never drifts when summing: the sum of minor units is the decimal sum', () => {
    const decimals = fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { maxLength: 200 }).map((minors) => minors.map((m) => toDecimalString(m, 'EUR')));
    fc.assert(
      fc.property(decimals, (amounts) => {
        const viaMinor = toDecimalString(amounts.reduce((sum, a) => sum + toMinorUnits(a, 'EUR'), 0n), 'EUR');
        const viaDecimal = amounts.reduce((sum, a) => sum.plus(a), new Big(0)).toFixed(2);
        return viaMinor === viaDecimal;
      }),
    );
  });
});

describe(convertMinorUnits.name, () => {
  it('converts and rounds half to even at the target minor unit', () => {
    expect(convertMinorUnits(1000n, 'EUR', 'USD', '1.0823')).toBe(1082n); // 10.823 → 10.82
    expect(convertMinorUnits(1000n, 'EUR', 'JPY', '163.45')).toBe(1634n); // 1634.5 → 1634 (even)
    expect(convertMinorUnits(1000n, 'EUR', 'JPY', '163.55')).toBe(1636n); // 1635.5 → 1636 (even)
    expect(convertMinorUnits(12345n, 'JPY', 'BHD', '0.0025')).toBe(30862n); // 30.8625 → 30.862 (even)
  });

  it('round-trips through another currency within the rounding of the two minor units', () => {
    const rate = fc.integer({ min: 1, max: 2_000_000 }).map((n) => new Big(n).div(10_000).toFixed());
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), rate, (minor, eurToUsd) => {
        const usd = convertMinorUnits(minor, 'EUR', 'USD', eurToUsd);
        const back = convertMinorUnits(usd, 'USD', 'EUR', crossRate(eurToUsd, '1'));
        // each conversion errs by at most half a minor unit of its target; the way back scales the
        // first error by 1/rate; the inverse rate's 15 significant digits add at most another half unit
        const tolerance = new Big(0.5).div(new Big(eurToUsd)).plus(1);
        return new Big((back - minor).toString()).abs().lte(tolerance);
      }),
    );
  });
});

describe(crossRate.name, () => {
  it('derives B per A from rates against a common base', () => {
    expect(crossRate('1.0823', '0.8571')).toBe('0.791924605007854'); // GBP per USD from EUR rates
    expect(crossRate('1', '163.45')).toBe('163.45');
  });
});
