/** A word that names a total, in the languages receipts reach us in most. */
const TOTAL = /\b(total|grand total|amount due|amount paid|order total|balance due|summe|gesamt(betrag)?|montant|totale|importe|totaal)\b/i;
/** Something only an order or invoice carries: its number, or the word itself. */
const ORDER = /\b(order|invoice|receipt|booking|reservation|confirmation|bestellung|rechnung|facture|commande|factura|pedido)\b/i;
/** An amount with two decimals, e.g. 1,234.50 or 12,99. */
const AMOUNT = /\d[\d.,' ]*[.,]\d{2}\b/g;

/**
 * Whether a mail body reads like a receipt or order confirmation: a total, an order or invoice
 * word, and at least two amounts. A newsletter or a personal note rarely has all three.
 */
export function readsLikeReceipt(text: string): boolean {
  return TOTAL.test(text) && ORDER.test(text) && (text.match(AMOUNT) ?? []).length >= 2;
}
