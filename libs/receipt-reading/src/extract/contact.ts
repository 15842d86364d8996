import type { ExtractedText } from '@irp/contracts';
import type { DocumentLine } from './document-lines';

const PHONE_LABEL = /\b(?:TEL(?:EPHONE)?|PHONE|PH|T|HP|H\/P|MOBILE|MOB|CALL|TELEFON|TÉL|TELP)\b\.?\s*(?:NO\.?)?\s*[:.=-]?\s*/gi;
const PHONE = /[+(]?\d[\d\s().-]{5,18}\d/;
const TAX_ID_LABEL =
  /\b(?:GST|VAT|SST|TAX|TIN|ABN|GSTIN|UST|USTID|UST-IDNR|STEUERNR|NIF|CIF|P\.?\s?IVA|PARTITA IVA|TVA|BTW|EIN)\b\.?\s*(?:(?:REG(?:ISTRATION)?|ID|NO|NUMBER|NR|IDNR|INTRA(?:COM)?)\b\.?\s*){0,3}[:#.=-]?\s*/gi;
const TAX_ID = /[A-Z]{0,3}[\d][\d A-Z-]{5,20}\d/;

/** The vendor's phone number, from a labelled line ("TEL: 03-8271 9872"), in the header first. */
export function findPhone(lines: readonly DocumentLine[]): ExtractedText | null {
  for (const line of lines) {
    for (const label of line.text.matchAll(PHONE_LABEL)) {
      const rest = line.text.slice(label.index + label[0].length);
      const phone = PHONE.exec(rest);
      if (phone && phone.index <= 2) {
        const value = phone[0].trim().replace(/[\s.-]+$/, '');
        const digits = value.replace(/\D/g, '').length;
        if (digits >= 7 && digits <= 15) return { value, confidence: 0.85 };
      }
    }
  }
  return null;
}

/** The vendor's tax registration (GST, VAT, SST number, TIN, ABN...) when printed. */
export function findTaxId(lines: readonly DocumentLine[]): ExtractedText | null {
  for (const line of lines) {
    for (const label of line.upper.matchAll(TAX_ID_LABEL)) {
      if (/\b(INVOICE|SUMMARY|CODE|INCL|EXCL|AMOUNT|TOTAL|RATE)\b/.test(label[0])) continue;
      const rest = line.upper.slice(label.index + label[0].length);
      const id = TAX_ID.exec(rest);
      if (id && id.index <= 3) {
        const value = id[0].trim();
        if (value.replace(/\D/g, '').length >= 6) return { value, confidence: 0.8 };
      }
    }
  }
  return null;
}
