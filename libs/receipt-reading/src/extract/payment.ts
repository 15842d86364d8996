import type { ExtractedPaymentMethod, ExtractedText } from '@irp/contracts';
import type { DocumentLine } from './document-lines';

const CARD = /\b(VISA|MASTER ?CARD|MASTER|MC|AMEX|AMERICAN EXPRESS|MAESTRO|UNIONPAY|UNION PAY|JCB|DINERS|DISCOVER|MYDEBIT|DEBIT|CREDIT ?CARD|CARD|EC-?KARTE|GIROCARD|CB|CARTE|TARJETA|CONTACTLESS|CHIP)\b/;
const MOBILE = /\b(GRAB ?PAY|TOUCH ?'?N ?GO|TNG|BOOST|APPLE ?PAY|GOOGLE ?PAY|SAMSUNG ?PAY|ALIPAY|WECHAT ?PAY|PAYPAL|E-?WALLET|SHOPEE ?PAY|VENMO|PAYNOW|GCASH|PAYTM|UPI|QR ?PAY)\b/;
const BANK = /\b(BANK TRANSFER|WIRE TRANSFER|TRANSFER|IBAN|FPX|GIRO|ÜBERWEISUNG|VIREMENT|TRANSFERENCIA|DUITNOW)\b/;
const CASH = /\b(CASH|TUNAI|BAR|ESPÈCES|ESPECES|EFECTIVO|CONTANTI)\b/;
const OTHER = /\b(VOUCHER|GIFT ?CARD|COUPON|CHEQUE|CHECK PAYMENT|ON ACCOUNT|CREDIT NOTE)\b/;
const MASKED_CARD = /(?:[X*•#]{4}[\s-]?){1,3}[X*•#]{0,4}\s?(\d{4})\b|\b(?:ENDING(?: IN)?|CARD NO\.?:?|ACCT|ACCOUNT)\s*[X*•#\s-]*(\d{4})\b/;
const AMOUNT = /\d[.,]\d{2}\b/;

/** How it was paid: card (with the last 4 digits when printed), mobile wallet, bank transfer, cash. */
export function findPayment(lines: readonly DocumentLine[]): { method: ExtractedPaymentMethod | null; cardLast4: ExtractedText | null } {
  let cardLast4: ExtractedText | null = null;
  for (const line of lines) {
    const masked = MASKED_CARD.exec(line.upper);
    if (masked) {
      cardLast4 = { value: masked[1] ?? masked[2], confidence: 0.85 };
      break;
    }
  }
  const withAmount = (pattern: RegExp): boolean => lines.some((line) => pattern.test(line.upper) && AMOUNT.test(line.text));
  const anywhere = (pattern: RegExp): boolean => lines.some((line) => pattern.test(line.upper));
  let method: ExtractedPaymentMethod | null = null;
  if (cardLast4 || withAmount(CARD)) method = { value: 'card', confidence: cardLast4 ? 0.9 : 0.75 };
  else if (withAmount(MOBILE)) method = { value: 'mobile', confidence: 0.75 };
  else if (withAmount(BANK) || anywhere(/\bIBAN\b/)) method = { value: 'bank_transfer', confidence: 0.6 };
  else if (withAmount(CASH)) method = { value: 'cash', confidence: 0.8 };
  else if (withAmount(OTHER)) method = { value: 'other', confidence: 0.5 };
  else if (anywhere(CASH)) method = { value: 'cash', confidence: 0.45 };
  return { method, cardLast4 };
}
