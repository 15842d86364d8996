import type { DocumentLine } from './document-lines';

/** What a line of a receipt's header is, judged from its own text. */

const LEGAL_FORM =
  /\b(SDN\.? ?BHD|BHD|S\/B|LTD|LIMITED|PLC|INC|LLC|LLP|GMBH|AG|SARL|SAS|S\.A\.|S\.L\.|S\.P\.A\.|S\.R\.L\.|B\.V\.|N\.V\.|PTY|PTE|CORP|CORPORATION)(?![A-Z])/;
/** Words that often end a business name without being its legal form. */
const NAME_ENDING = /\b(COMPANY(?!\s*(?:REG|NO\b|NUMBER|#))|CO\.(?!\s*(?:REG|NO\b))|ENTERPRISES?|TRADING|HOLDINGS|INDUSTRIES|GROUP)(?![A-Z])/;
const BUSINESS_WORDS =
  /\b(RESTORAN|RESTAURANT|CAFE|CAFÉ|COFFEE|BAKERY|BAKERIES|BISTRO|HARDWARE|STATIONERY|STATIONERS|MART|SUPERMARKET|HYPERMARKET|MINIMARKET|MARKET|PHARMACY|FARMASI|BOOKS?|BOOKSTORES?|STORES?|SHOP|KEDAI|PERNIAGAAN|SYARIKAT|HOTEL|SEAFOOD|FOOD|FOODS|CONFECTIONERY|TRADERS|TRADING|ENTERPRISE|MOTOR|AUTO|SERVICES|CENTRE|CENTER|HOUSE|KITCHEN|BAR|PIZZA|BURGER|GALLERY|STUDIO|CLINIC|BOUTIQUE|DELI|MEDICAL|ELECTRICAL|PETROL|STATION|CARRY|NOODLE|MAMAK|NASI|TEA)\b/;
/** Street, building and region words of addresses (Malay, English, German, French, Spanish, Italian). */
const ADDRESS_WORDS =
  /\b(JALAN|JLN|LORONG|LRG|LOT|TAMAN|TMN|BANDAR|BDR|KAMPUNG|SEKSYEN|PERSIARAN|LEBUH|LEBUHRAYA|MUKIM|KAWASAN|PERINDUSTRIAN|ROAD|RD|STREET|AVENUE|AVE|BLVD|BOULEVARD|LANE|DRIVE|HIGHWAY|HWY|FLOOR|FLR|LEVEL|LVL|BLOCK|BLK|SUITE|PLAZA|MALL|BUILDING|BLDG|TOWER|COMPLEX|STRASSE|STRAßE|PLATZ|RUE|CALLE|AVENIDA|PIAZZA|SELANGOR|JOHOR|KUALA LUMPUR|PENANG|PERAK|KEDAH|MELAKA|PAHANG|SABAH|SARAWAK|MALAYSIA|SINGAPORE)\b/;
/** Address words that are also other words ("NO" a number, "ST" a saint, "PARK" a name). */
const WEAK_ADDRESS_WORDS = /\b(NO|ST|DR|PARK|UNIT|GROUND|GND|SHOPPING|SQUARE|KG|BATU|STR|WEG|VIA|D\.E)\b/;
const POSTCODE = /(?<![\w.-])\d{5}(?=\s+\p{L}|\s*,\s*\p{L}|\s*[.,]?\s*$)|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{5}-\d{4}\b/u;
const CONTACT = /\b(TEL|TELEPHONE|PHONE|PH|FAX|HP|MOBILE|E-?MAIL|WHATSAPP|WEBSITE)\b|@|WWW\.|HTTPS?:|\.COM\b|\.MY\b/;
const REGISTRATION =
  /\b(GST|VAT|SST|TAX ID|TIN|ABN|ROC|REG(ISTRATION)?|CO\.? ?NO|COMPANY NO|CO\.? ?REG|BUSINESS NO)\b|^\(?[A-Z]{0,3}\d[\d ]{4,}[- ]?[A-Z]\)?$|\(\d{4,}-?[A-Z]\)|^\((?:[A-Z]{1,4}\.?\s*){1,3}:?\s*\d{4,}[- ]?[A-Z]\)$/;
const TITLES =
  /\b(TAX ?INVOICE|INVOICE|RECEIPT|CASH ?BILL|CASH ?SALES?|BILL|WELCOME|THANK ?YOU|SIMPLIFIED|ORDER|TABLE|CASHIER|SALESPERSON|MEMBER|COUNTER|POS|TERMINAL|DOCUMENT|SLIP|QUOTATION|STATEMENT|COPY)\b/;


export function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** Too little text, or too few letters among its characters, to be a name or an address. */
export function isNoise(line: DocumentLine): boolean {
  const letters = letterCount(line.text);
  const visible = line.text.replace(/\s/g, '').length;
  if (letters < 3) return true;
  if (letters / visible < 0.5) return true;
  // OCR noise has many one- or two-letter fragments.
  const words = line.text.split(' ');
  const fragments = words.filter((w) => letterCount(w) <= 2 && !/^(&|NO\.?|CO\.?|\(M\)|S\/B|KL|PJ|\d+)$/i.test(w)).length;
  return words.length >= 3 && fragments / words.length > 0.5;
}

export function isAddressLike(line: DocumentLine): boolean {
  return isStrongAddress(line) || WEAK_ADDRESS_WORDS.test(line.upper) || /^\d+[A-Z]?[,\s]/.test(line.upper);
}

/** Street words or a postcode: enough to outweigh a registration number on the same line. */
export function isStrongAddress(line: DocumentLine): boolean {
  return ADDRESS_WORDS.test(line.upper) || hasPostcode(line);
}

/** Street, building or region words ("JALAN", "ROAD", "SELANGOR"). */
export function hasStreetWord(line: DocumentLine): boolean {
  return ADDRESS_WORDS.test(line.upper);
}

/** A postcode, not a lot number ("LOT P.T. 33198") nor part of a longer number. */
export function hasPostcode(line: DocumentLine): boolean {
  const match = POSTCODE.exec(line.upper);
  return match !== null && !/\b(LOT|PT|P\.T\.|NO)\.?\s*$/.test(line.upper.slice(0, match.index));
}

/** The line ends with its postcode: the town follows on the next line. */
export function endsWithPostcode(line: DocumentLine): boolean {
  return /(?<![\w.-])\d{5}[\s.,]*$/.test(line.upper);
}

export function isContact(line: DocumentLine): boolean {
  return CONTACT.test(line.upper);
}

export function isRegistration(line: DocumentLine): boolean {
  return REGISTRATION.test(line.upper);
}

export function isTitle(line: DocumentLine): boolean {
  return TITLES.test(line.upper);
}

export function hasLegalForm(text: string): boolean {
  return LEGAL_FORM.test(text.toUpperCase());
}

/** Where the first legal form ends in the text, or -1. */
export function legalFormEnd(text: string): number {
  const match = LEGAL_FORM.exec(text.toUpperCase());
  return match ? match.index + match[0].length : -1;
}

export function hasNameEnding(text: string): boolean {
  return NAME_ENDING.test(text.toUpperCase());
}

export function hasBusinessWord(text: string): boolean {
  return BUSINESS_WORDS.test(text.toUpperCase());
}
