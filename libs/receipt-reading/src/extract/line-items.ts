import type { ExtractedLineItem } from '@irp/contracts';
import type { AmountLine } from './amount-lines';
import { formatMilli, type AmountToken } from './amounts';
import type { DocumentLine } from './document-lines';
import { letterCount } from './line-kinds';
import { near } from './totals';

export interface LineItems {
  items: ExtractedLineItem[];
  /** Sum of the items' amounts, or null without items. */
  sumMilli: number | null;
  largestMilli: number | null;
}

const QUANTITY = /(?:^|\s)(\d{1,4}(?:[.,]\d{1,3})?)\s?(?:[xX×*@]|PCS?\b|UNITS?\b|EA\b)/;
const NOT_AN_ITEM = /\b(TOTAL|SUBTOTAL|CASH|CHANGE|TAX|GST|VAT|SST|ROUNDING|DISCOUNT|BALANCE|TENDER|PAID|QTY|VISA|CARD|SERVICE CHARGE)\b/;
const MAX_ITEMS = 200;

/**
 * The purchased lines between the header and the first subtotal or total: a description and an
 * amount, with quantity and unit price when printed ("2 x 1.50 3.00", "TAPE @ 2.50 ... 30.00").
 * A line of numbers without words belongs to the description printed just above it.
 */
export function findLineItems(amountLines: readonly AmountLine[], lines: readonly DocumentLine[], headerEnd: number): LineItems {
  const firstClosing = amountLines.find((line) => line.role !== 'other' && line.role !== 'quantity' && line.line.index > headerEnd);
  const end = firstClosing ? firstClosing.line.index : lines.length;
  const byIndex = new Map(amountLines.map((line) => [line.line.index, line]));
  const items: ExtractedLineItem[] = [];
  let sum = 0;
  let largest = 0;
  let pendingDescription: string | null = null;
  for (let i = headerEnd + 1; i < end && items.length < MAX_ITEMS; i++) {
    const line = lines[i];
    const amountLine = byIndex.get(i);
    const money = amountLine?.amounts.filter((a) => a.hasDecimals && a.milli >= 0) ?? [];
    if (money.length === 0) {
      pendingDescription = describes(line.text) ? line.text : pendingDescription;
      continue;
    }
    if (NOT_AN_ITEM.test(line.upper)) continue;
    const ownDescription = cleanDescription(line.text.slice(0, money[0].offset));
    const description = letterCount(ownDescription) >= 2 ? ownDescription : pendingDescription;
    if (!description) continue;
    items.push(toItem(description, line.text, money));
    sum += money[money.length - 1].milli;
    largest = Math.max(largest, money[money.length - 1].milli);
    pendingDescription = null;
  }
  return { items, sumMilli: items.length > 0 ? sum : null, largestMilli: items.length > 0 ? largest : null };
}

function toItem(description: string, text: string, money: readonly AmountToken[]): ExtractedLineItem {
  const amount = money[money.length - 1];
  const unit = money.length >= 2 ? money[money.length - 2] : null;
  const quantityText = QUANTITY.exec(text)?.[1]?.replace(',', '.') ?? null;
  const quantity = quantityText !== null && Number(quantityText) > 0 ? quantityText : null;
  const consistent = unit !== null && quantity !== null && near(Number(quantity) * unit.milli, amount.milli);
  const sameAsUnit = unit !== null && quantity === null && near(unit.milli, amount.milli);
  return {
    description,
    quantity: quantity ?? (sameAsUnit ? '1' : null),
    unitPrice: unit ? formatMilli(unit.milli) : null,
    amount: formatMilli(amount.milli),
    confidence: consistent || sameAsUnit ? 0.85 : amount.repaired ? 0.4 : 0.6,
  };
}

function describes(text: string): boolean {
  return letterCount(text) >= 3 && !NOT_AN_ITEM.test(text.toUpperCase());
}

function cleanDescription(text: string): string {
  return text
    .replace(QUANTITY, ' ')
    .replace(/^\s*\d{1,3}\s+(?=\p{L})/u, '')
    .replace(/[\s|~_=:;*@-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
