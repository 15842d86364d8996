import type { ExtractedFields, ExtractedText } from '@irp/contracts';
import { findAddress } from './address';
import { findAmountLines } from './amount-lines';
import { findPhone, findTaxId } from './contact';
import { findCurrency } from './currency';
import { findDate } from './dates';
import { findDocumentNumber } from './document-number';
import { toDocumentLines, type DocumentLine, type OcrLineInfo } from './document-lines';
import { formatForCurrency } from './format-amount';
import { findLineItems } from './line-items';
import { findPayment } from './payment';
import { findTaxLines } from './tax-lines';
import { findTotals } from './totals';
import { findIssuer, issuerAddress } from './issuer';
import { findVendor } from './vendor';

export interface ExtractOptions {
  /** BCP 47 locale of the document or its owner ("en-MY", "de-DE"): day/month order, decimal comma, currency. */
  locale?: string;
  /** What OCR knows of each non-empty line of the text, in order: other engines' readings, which compete for the total and the date. */
  ocrLines?: readonly OcrLineInfo[];
  /** The day a photo of the document was taken (YYYY-MM-DD, from EXIF): the document dates from then or before. */
  takenOn?: string | null;
}

const ITEM_HEADER = /\b(QTY|DESCRIPTION|DESC|ITEMS?|ARTICLE|PRODUCT|PARTICULARS)\b/;

/**
 * Reads the fields of a receipt or invoice from its text (OCR output or a PDF text layer). Pure
 * and deterministic; returns nulls and empty lists for what it cannot find, and never throws.
 */
export function extractFields(text: string, options: ExtractOptions = {}): ExtractedFields {
  const lines = toDocumentLines(typeof text === 'string' ? text : '', options.ocrLines);
  const decimalComma = usesDecimalComma(lines, options.locale);
  const amountLines = findAmountLines(lines, { decimalComma });
  const { vendor, address, headerEnd } = findParty(lines);
  const items = findLineItems(amountLines, lines, headerEnd);
  const allAmounts = amountLines.flatMap((line) => line.amounts.filter((a) => a.hasDecimals).map((a) => a.milli));
  const taxes = findTaxLines(amountLines, allAmounts);
  const totals = findTotals(amountLines, { addedTaxMilli: taxes.addedMilli, lineItemsMilli: items.sumMilli, largestItemMilli: items.largestMilli });
  const currency = findCurrency(lines, options.locale);
  const payment = findPayment(lines);
  // Amounts take the currency's decimals only when the currency is fairly sure.
  const code = currency && currency.confidence >= 0.6 ? currency.value : null;
  const amount = <T extends { value: string }>(field: T | null): T | null => (field ? { ...field, value: formatForCurrency(field.value, code) } : null);

  return {
    vendorName: vendor,
    vendorAddress: address,
    vendorPhone: findPhone(lines),
    vendorTaxId: findTaxId(lines),
    date: findDate(lines, { locale: options.locale, takenOn: options.takenOn }),
    total: amount(totals.total),
    subtotal: amount(totals.subtotal),
    tip: amount(totals.tip),
    currency,
    paymentMethod: payment.method,
    cardLast4: payment.cardLast4,
    documentNumber: findDocumentNumber(lines),
    taxLines: taxes.lines.map((tax) => ({ ...tax, amount: formatForCurrency(tax.amount, code) })),
    lineItems: items.items.map((item) => ({
      ...item,
      unitPrice: item.unitPrice === null ? null : formatForCurrency(item.unitPrice, code),
      amount: item.amount === null ? null : formatForCurrency(item.amount, code),
    })),
  };
}

/**
 * Who issued the document and where: an invoice's issuer when its seller block, legal footer or
 * domain names it, else the receipt header's name and the address under it.
 */
function findParty(lines: readonly DocumentLine[]): { vendor: ExtractedText | null; address: ExtractedText | null; headerEnd: number } {
  const issuer = findIssuer(lines);
  if (issuer) {
    const printed = issuerAddress(lines, issuer);
    const address = printed ? { value: printed, confidence: 0.7 } : findAddress(lines, issuer.line);
    return { vendor: { value: issuer.name, confidence: issuer.confidence }, address, headerEnd: findHeaderEnd(lines, -1) };
  }
  const vendor = findVendor(lines);
  // The name may be a logo OCR cannot read, or a branch printed below the address.
  const address = findAddress(lines, vendor?.lastLine ?? -1) ?? (vendor ? findAddress(lines, -1) : null);
  return { vendor: vendor?.name ?? null, address, headerEnd: findHeaderEnd(lines, vendor?.lastLine ?? -1) };
}

/** The locale's decimal separator, or, without a locale, the one most amounts in the text use. */
function usesDecimalComma(lines: readonly DocumentLine[], locale: string | undefined): boolean {
  if (locale) {
    try {
      const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal');
      return decimal?.value === ',';
    } catch {
      // An unknown locale: fall through to what the text says.
    }
  }
  let commas = 0;
  let points = 0;
  for (const line of lines) {
    commas += (line.text.match(/\d,\d{2}(?!\d)/g) ?? []).length;
    points += (line.text.match(/\d\.\d{2}(?!\d)/g) ?? []).length;
  }
  return commas > points * 2 && commas >= 2;
}

/** The last line before the items: the items' column header, or else the vendor's name. */
function findHeaderEnd(lines: readonly DocumentLine[], vendorEnd: number): number {
  const columnHeader = lines.find((line) => line.index > vendorEnd && ITEM_HEADER.test(line.upper) && !/\d[.,]\d{2}/.test(line.text));
  return columnHeader?.index ?? vendorEnd;
}
