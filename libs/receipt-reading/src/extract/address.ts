import type { ExtractedText } from '@irp/contracts';
import { findAmounts } from './amounts';
import { datesInLine } from './dates';
import type { DocumentLine } from './document-lines';
import { dropStrayMarks, repairAddressWords, repairSymbolsInAddress } from './ocr-cleanup';
import { endsWithPostcode, hasPostcode, hasStreetWord, isAddressLike, isContact, isNoise, isRegistration, isStrongAddress, isTitle } from './line-kinds';

const MAX_ADDRESS_LINES = 5;
/** Lines between the name and the address: a registration number, a date, a trade line, OCR noise. */
const MAX_SKIPPED_LINES = 3;
const INLINE_CONTACT = /\s*[|(]?\s*\b(TEL|TELEPHONE|PHONE|FAX|H\/?P|E-?MAIL|GST|VAT)\b.*$/i;

/**
 * The vendor's address: the address-like lines after the name (or from the top when there is no
 * name), up to a phone number, a tax registration, a title or the line after the postcode (unless
 * the address visibly goes on: a trailing comma, a postcode at the end, a town or state alone).
 */
export function findAddress(lines: readonly DocumentLine[], afterLine: number): ExtractedText | null {
  const parts: string[] = [];
  let skipped = 0;
  let sawPostcode = false;
  let addressWordLines = 0;
  for (let i = afterLine + 1; i < lines.length && parts.length < MAX_ADDRESS_LINES; i++) {
    const line = lines[i];
    if (line.page > 1) break;
    if (parts.length === 0) {
      if (isContact(line) && !isStrongAddress(line)) return null;
      if (!isAddressLike(line) || isStop(line)) {
        if (++skipped > MAX_SKIPPED_LINES) return null;
        continue;
      }
    } else if (isStop(line)) {
      const head = line.text.replace(INLINE_CONTACT, '');
      if (head !== line.text && head.length > 3 && isAddressLike({ ...line, text: head, upper: head.toUpperCase() })) parts.push(head);
      break;
    }
    const addressLike = isAddressLike(line);
    const previous = parts[parts.length - 1];
    const continues = previous !== undefined && (/,\s*$/.test(previous) || endsWithPostcode({ ...line, text: previous, upper: previous.toUpperCase() }));
    // After the postcode only the town, state or country may follow.
    if (sawPostcode && !continues && !(addressLike && !/\d/.test(line.text))) break;
    if (!addressLike && !continues && (isNoise(line) || parts.length >= 2)) break;
    parts.push(parts.length === 0 ? line.text.replace(INLINE_CONTACT, '') : line.text);
    if (addressLike) addressWordLines++;
    if (hasPostcode(line)) sawPostcode = true;
  }
  if (parts.length === 0) return null;
  let value = repairAddressWords(repairSymbolsInAddress(dropStrayMarks(parts.join(' ').replace(/\s+/g, ' ')))).replace(/[\s|~_=:;-]+$/, '').trim();
  // "40170 SETIA ALAM 5": after the postcode and town, a lone character is a speck.
  if (sawPostcode) value = value.replace(/(?<=\p{L}{3,}) [\p{L}\d]$/u, '');
  const confidence = Math.min(0.9, 0.3 + 0.12 * addressWordLines + (sawPostcode ? 0.2 : 0));
  return { value, confidence: Number(confidence.toFixed(2)) };
}

function isStop(line: DocumentLine): boolean {
  return (
    isContact(line) ||
    (isRegistration(line) && !isStrongAddress(line)) ||
    (isTitle(line) && !isAddressLike(line)) ||
    datesInLine(line, false).length > 0 ||
    // "NO.53 55,57 & 59, JALAN SAGU 18": house numbers, not an amount.
    (findAmounts(line.text).some((a) => a.hasDecimals) && !hasStreetWord(line))
  );
}
