import Big from 'big.js';

const HUNDRED = new Big(100);

/** `amount × percent / 100`, rounded half to even at the minor unit. */
export function percentOf(amount: bigint, percent: string): bigint {
  return BigInt(new Big(amount.toString()).times(percent).div(HUNDRED).round(0, Big.roundHalfEven).toFixed(0));
}

/** The tax inside a gross amount at `rate` percent: gross × rate / (100 + rate), half to even. */
export function taxInGross(gross: bigint, rate: string): bigint {
  return BigInt(new Big(gross.toString()).times(rate).div(HUNDRED.plus(rate)).round(0, Big.roundHalfEven).toFixed(0));
}
