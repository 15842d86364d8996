/** A word that keeps its underscores: an e-mail or web address. */
const ADDRESS_WORD = /@|www\.|https?:/i;

/**
 * A line's text from its boxes' readings, left to right. Paddle's recogniser reads some wide spaces
 * as "_" ("CUT FRUITS_1.99", "RM_34.80"); receipts print underscores only in e-mail and web
 * addresses, so elsewhere they are spaces again.
 */
export function lineText(readings: readonly string[]): string {
  return readings
    .map((reading) => reading.trim())
    .join(' ')
    .split(' ')
    .map((word) => (ADDRESS_WORD.test(word) ? word : word.replace(/_+/g, ' ').trim()))
    .filter((word) => word !== '')
    .join(' ');
}
