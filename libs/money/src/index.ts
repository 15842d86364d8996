export { currencyCodesList, currencyExponent, isCurrencyCode } from './currency';
export { AmountError, convertMinorUnits, crossRate, DECIMAL_AMOUNT, normalizeDecimal, toDecimalString, toMinorUnits } from './amount';
export { parseEcbXml, RatesFormatError, type RateDay } from './ecb-rates';
