import { findAmounts, type AmountOptions, type AmountToken } from './amounts';
import type { DocumentLine } from './document-lines';
import { findPhrase, hasPhrase, keywordWords } from './fuzzy-keywords';

/** What an amount on a labelled line is. */
export type AmountRole =
  | 'total'
  | 'subtotal'
  | 'tax'
  | 'tip'
  | 'service'
  | 'rounding'
  | 'discount'
  | 'tendered'
  | 'change'
  | 'quantity'
  | 'other';

export interface AmountLine {
  line: DocumentLine;
  role: AmountRole;
  /** For totals: 4 for "GRAND TOTAL"-like labels, 3 for "TOTAL AMOUNT", 2 for "TOTAL", 1 for "AMOUNT". */
  strength: number;
  /** The label's words (the text before the first amount), OCR look-alikes read as letters. */
  labelWords: string[];
  amounts: AmountToken[];
  /** Inside a tax summary table, whose "TOTAL" rows are not the document total. */
  inSummary: boolean;
  /** The amounts of each other reading of the line that reads its label as the same kind. */
  alternatives: AmountToken[][];
}

const QUANTITY = ['QTY', 'QTY(S)', 'QUANTITY', 'ITEMS', 'ITEM(S)', 'NO OF ITEMS', 'NO OF ITEM', 'ITEM COUNT', 'UNITS', 'PCS', 'TOTAL QTY', 'TOT QTY'];
const CHANGE = ['CHANGE', 'CHANGE DUE', 'KEMBALIAN', 'BAKI', 'RÜCKGELD', 'RENDU', 'CAMBIO', 'RESTO'];
const PAID = ['PAID', 'TENDERED', 'TENDER', 'AMOUNT TENDERED', 'AMOUNT RECEIVED', 'RECEIVED'];
const TENDERED = ['CASH', 'TENDER', 'TENDERED', 'PAID', 'PAYMENT', 'TUNAI', 'GEGEBEN', 'ESPECES', 'EFECTIVO', 'VISA', 'MASTERCARD', 'MASTER', 'AMEX', 'CARD', 'CREDIT', 'DEBIT', 'DEPOSIT'];
const ROUNDING = ['ROUNDING', 'ROUNDED', 'ROUND', 'ROUNDING ADJ', 'ADJUSTMENT', 'ADJ', 'PEMBULATAN', 'RUNDUNG'];
const DISCOUNT = ['DISCOUNT', 'DISC', 'SAVINGS', 'YOU SAVE', 'PROMO', 'VOUCHER', 'REBATE', 'POTONGAN', 'RABATT', 'REMISE', 'DESCUENTO'];
const TIP = ['TIP', 'TIPS', 'GRATUITY', 'TRINKGELD', 'POURBOIRE', 'PROPINA', 'MANCIA', 'FOOI'];
const SERVICE = ['SERVICE CHARGE', 'SERVICE CHG', 'SVC CHG', 'SVC', 'SERVICE', 'SERV CHARGE', 'CAJ PERKHIDMATAN'];
const SUBTOTAL = ['SUBTOTAL', 'SUB TOTAL', 'SUB-TOTAL', 'ZWISCHENSUMME', 'SOUS-TOTAL', 'SOUS TOTAL', 'NETTO', 'TOTAL HT', 'NET AMOUNT', 'TOTAL SALES EXCLUDING'];
const EXCLUDING = ['EXCL', 'EXCLUDING', 'EXCLUSIVE', 'EXC', 'BEFORE', 'W/O', 'WITHOUT', 'HT'];
const INCLUDING = ['INCL', 'INCLUDING', 'INCLUSIVE', 'INC', 'INCLUDED', 'INKL', 'TTC', 'WITH'];
export const TAX_WORDS = ['GST', 'VAT', 'SST', 'TAX', 'TAXES', 'MWST', 'MWST.', 'UST', 'TVA', 'IVA', 'HST', 'PST', 'QST', 'PPN', 'CGST', 'SGST', 'IGST', 'CUKAI', 'BTW', 'MOMS', 'ALV'];
/** What is to be paid, after everything: these beat a plain "TOTAL". */
const FINAL_TOTAL = ['GRAND TOTAL', 'NET TOTAL', 'NETT TOTAL', 'TOTAL PAYABLE', 'AMOUNT PAYABLE', 'AMT PAYABLE', 'AMOUNT DUE', 'TOTAL DUE', 'BALANCE DUE', 'ROUNDED TOTAL', 'TOTAL ROUNDED', 'JUMLAH BESAR', 'TOTAL TTC', 'GESAMTBETRAG', 'TOTAL TO PAY', 'AMOUNT TO PAY', 'TO BE PAID', 'ZU ZAHLEN', 'NET PAYABLE', 'PLEASE PAY',
  'RECHNUNGSBETRAG', 'ENDBETRAG', 'BRUTTOBETRAG', 'GESAMTSUMME', 'MONTANT À PAYER', 'MONTANT A PAYER', 'NET À PAYER', 'NET A PAYER', 'TOTAL À PAYER', 'TOTAL A PAYER', 'TE BETALEN', 'TOTAAL TE BETALEN', 'TOTAAL INCL'];
const STRONG_TOTAL = ['TOTAL AMOUNT', 'TOTAL AMT', 'TOTAL INCL', 'TOTAL INCLUSIVE', 'TOTAL SALES INCLUSIVE', 'TOTAL SALES INCL', 'TOTAL SALE'];
const TOTAL = ['TOTAL', 'JUMLAH', 'SUMME', 'GESAMT', 'TOTALE', 'IMPORTE', 'MONTANT', 'BEDRAG', 'TTL', 'TOT'];
const WEAK_TOTAL = ['AMOUNT', 'AMT', 'NETT', 'NET', 'PAYABLE', 'DUE'];
const SUMMARY_HEADERS = ['GST SUMMARY', 'TAX SUMMARY', 'VAT SUMMARY', 'SST SUMMARY', 'TAX CODE', 'GST ANALYSIS', 'VAT ANALYSIS'];

/** The lines that carry amounts, each with what its label says the amount is. */
export function findAmountLines(lines: readonly DocumentLine[], options: AmountOptions = {}): AmountLine[] {
  const result: AmountLine[] = [];
  let inSummary = false;
  for (const line of lines) {
    const words = keywordWords(line.upper);
    if (hasPhrase(words, SUMMARY_HEADERS)) inSummary = true;
    const amounts = findAmounts(line.text, options);
    if (amounts.length === 0) continue;
    const labelWords = keywordWords(line.upper.slice(0, amounts[0].offset));
    const { role, strength } = classify(labelWords.length > 0 ? labelWords : words);
    const alternatives = (line.alternatives ?? []).map((text) => sameKindAmounts(text, role, options)).filter((a) => a.length > 0);
    result.push({ line, role, strength, labelWords, amounts, inSummary, alternatives });
  }
  return result;
}

/** An alternative reading's amounts, when its label too says they are a `role` (else it misread the line). */
function sameKindAmounts(text: string, role: AmountRole, options: AmountOptions): AmountToken[] {
  const amounts = findAmounts(text, options);
  if (amounts.length === 0) return [];
  const labelWords = keywordWords(text.toUpperCase().slice(0, amounts[0].offset));
  return labelWords.length > 0 && classify(labelWords).role === role ? amounts : [];
}

export function classify(words: readonly string[]): { role: AmountRole; strength: number } {
  const has = (phrases: readonly string[]): boolean => hasPhrase(words, phrases);
  const taxWord = words.findIndex((word) => TAX_WORDS.includes(word));
  const totalWords = TOTAL.map((phrase) => findPhrase(words, phrase)).filter((index) => index >= 0);
  const totalWord = totalWords.length > 0 ? Math.min(...totalWords) : -1;
  if (has(SUBTOTAL)) return { role: 'subtotal', strength: 0 };
  if (has(QUANTITY)) return { role: 'quantity', strength: 0 };
  if (has(SERVICE)) return { role: 'service', strength: 0 };
  if (has(CHANGE)) return { role: 'change', strength: 0 };
  if (has(TIP)) return { role: 'tip', strength: 0 };
  if (taxWord >= 0) return classifyTaxLabel(words, taxWord, totalWord);
  if (has(FINAL_TOTAL)) return { role: 'total', strength: 4 };
  if (has(ROUNDING)) return { role: 'rounding', strength: 0 };
  if (has(DISCOUNT)) return { role: 'discount', strength: 0 };
  if (has(STRONG_TOTAL)) return { role: 'total', strength: 3 };
  // "TOTAL PAID RM50.00" is what was handed over; "VISA TOTAL" what the card paid, the total.
  if (has(PAID)) return { role: 'tendered', strength: 0 };
  if (has(TENDERED)) return { role: totalWord >= 0 ? 'total' : 'tendered', strength: totalWord >= 0 ? 1 : 0 };
  if (has(TOTAL)) return { role: 'total', strength: 2 };
  if (has(WEAK_TOTAL)) return { role: 'total', strength: 1 };
  return { role: 'other', strength: 0 };
}

function classifyTaxLabel(words: readonly string[], taxWord: number, totalWord: number): { role: AmountRole; strength: number } {
  const has = (phrases: readonly string[]): boolean => hasPhrase(words, phrases);
  if (has(['INCLUDED IN', 'INCLUDED'])) return { role: 'tax', strength: 0 };
  if (has(EXCLUDING)) return { role: totalWord >= 0 || has(['AMOUNT', 'SALES']) ? 'subtotal' : 'tax', strength: 0 };
  if (has(FINAL_TOTAL)) return { role: 'total', strength: 4 };
  if (has(INCLUDING) && (totalWord >= 0 || has(['AMOUNT', 'AMT', 'SALES']))) return { role: 'total', strength: 3 };
  if (totalWord >= 0 && totalWord > taxWord) return { role: 'total', strength: 2 };
  return { role: 'tax', strength: 0 };
}
