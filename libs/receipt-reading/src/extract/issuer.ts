import type { DocumentLine } from './document-lines';
import { isAddressLike, isContact } from './line-kinds';

/**
 * The issuer of an invoice, found the way an accountant finds it: the party named in the seller
 * block ("Sold by", "From", "Verkäufer", "Vendeur"), the company that signs the legal footer with
 * its VAT number, register entry or IBAN, the company the e-mail or web domain belongs to, and
 * never the customer of the "Bill to" block. A receipt has none of these: it gets null, and its
 * vendor is read from its header (vendor.ts).
 */
export interface Issuer {
  name: string;
  /** Index of the line the name was taken from. */
  line: number;
  confidence: number;
}

/** Labels of the issuer's block, English, German, French, Dutch, Spanish, Italian. */
const SELLER_LABEL =
  /(?:^|\s)(SOLD BY|SELLER|SUPPLIER|VENDOR|ISSUED BY|FROM|BILLED BY|VERKÄUFER|VERKAUFT VON|LIEFERANT|RECHNUNGSSTELLER|ABSENDER|VENDEUR|VENDU PAR|FOURNISSEUR|ÉMETTEUR|EMETTEUR|VERKOPER|VERKOCHT DOOR|LEVERANCIER|AFZENDER|VENDEDOR|PROVEEDOR|FORNITORE|VENDITORE)\s*:?(?=\s|$)/;
/** Labels of the customer's block: names in it are who pays, not who is paid. */
const CUSTOMER_LABEL =
  /(?:^|\s)(BILL(?:ED)? TO|BILLING ADDRESS|INVOICE TO|INVOICED TO|SOLD TO|SHIP TO|DELIVER TO|DELIVERY ADDRESS|CUSTOMER|CLIENT|ATTN|RECHNUNGSEMPFÄNGER|RECHNUNGSADRESSE|LIEFERADRESSE|KUNDE|FACTURÉ À|FACTURE À|ADRESSE DE FACTURATION|ADRESSE DE LIVRAISON|DESTINATAIRE|FACTUURADRES|KLANT|GAST|GUEST|BEDRIJF|AFNEMER|CLIENTE|DESTINATARIO)\b\s*:?/;
/** Legal forms of companies as they are written (case matters: "SE", "SA" and "AB" are also words), Malaysia's and Europe's. */
const LEGAL_FORM =
  /\b(Sdn\.? ?Bhd|SDN\.? ?BHD|Bhd|BHD|S\/B|Ltd|LTD|Limited|LIMITED|PLC|Plc|Inc|INC|LLC|LLP|Corp|CORP|Corporation|CORPORATION|GmbH|GMBH|AG|KG|UG|SE|SARL|S\.A\.R\.L|SAS|SASU|SA|S\.A|EURL|B\.V|BV|N\.V|NV|SRL|S\.R\.L|S\.p\.A|SpA|S\.L|Oy|OY|AB|A\/S|ApS|Pty Ltd|Pte Ltd|PTY LTD|PTE LTD)\.?(?![\p{L}\d])/gu;
/** A tax, register or bank identity: the company beside it is the one that invoices. */
const IDENTITY =
  /\b(VAT|GST|TAX ID|TVA|BTW|UST|UST-IDNR|UST-ID|USTIDNR|STEUERNR|STEUERNUMMER|SIRET|SIREN|RCS|R\.C\.S\.|HRB|HRA|AMTSGERICHT|KVK|IBAN|BIC|SWIFT|COMPANY (?:NO|NUMBER)|REGISTERED IN|REG(?:ISTRATION)? NO|CAPITAL)\b/;
/** A German or Dutch street name: one word ending in its street word, then the house number ("Industriestr. 25", "Grote Markt 14"). */
const STREET_NAME = /\p{L}(?:STR\.|STRASSE|STRAßE|WEG|GASSE|ALLEE|PLATZ|RING|DAMM|STRAAT|LAAN|GRACHT|PLEIN|KADE|MARKT)\s*\d/u;
const SEPARATOR = /\s+[·|•–—]\s+|\s+-\s+/;
const DOMAIN = /(?:@|\bWWW\.|HTTPS?:\/\/)([\p{L}\d-]+(?:\.[\p{L}\d-]+)*)\.[A-Z]{2,}\b/gu;
/** Words of amount labels: "TOTAL 6% SUPPLIES (INC." ends with INCLUSIVE, not with a company. */
const NOT_A_NAME = /\b(TOTAL|SUBTOTAL|GST|SST|TAX|VAT|DUE|AMOUNT|AMT|SUPPLIES|PRICE|PAID|CASH|CHANGE)\b|%|\d[.,]\d{2}|\(\s*\p{L}+\.?$/iu;
const MONEY = /\d[.,]\d{2}(?!\d)/;
/** At most this many words before the legal form belong to the name. */
const MAX_NAME_WORDS = 6;
/** Lines after a label line that still belong to its block. */
const BLOCK_LINES = 4;

interface Candidate {
  name: string;
  line: number;
  /** Order among the names found on its line. */
  column: number;
  /** Where on the line the name starts. */
  at: number;
}

export function findIssuer(lines: readonly DocumentLine[]): Issuer | null {
  const candidates = lines.flatMap(companyNames);
  if (candidates.length === 0) return null;
  const sellers = sellerNames(lines);
  const customerColumns = customerBlocks(lines);
  const domains = webDomains(lines);
  const scores = new Map<string, { score: number; candidate: Candidate }>();
  for (const candidate of candidates) {
    const key = compact(candidate.name);
    let score = 0;
    const label = labelBefore(lines[candidate.line], candidate.at);
    if (label === 'seller' || sellers.some((seller) => compact(seller) === key)) score += 5;
    if (label === 'customer' || (label === null && customerColumns.get(candidate.line)?.has(candidate.column))) score -= 6;
    // The legal footer; a receipt's header also prints its registration, but a receipt has no footer company.
    if (candidate.line >= lines.length / 2 && signsWithIdentity(lines, candidate.line)) score += 3;
    if (domains.some((domain) => matchesDomain(key, domain))) score += 2;
    if (candidate.line < 3) score += 1;
    const known = scores.get(key);
    if (known) known.score = Math.max(known.score, score) + 1;
    else scores.set(key, { score, candidate });
  }
  const best = [...scores.values()].sort((a, b) => b.score - a.score || a.candidate.line - b.candidate.line)[0];
  // Position alone (the letterhead) is the receipt reader's business; the issuer needs evidence.
  if (!best || best.score < 3) return null;
  return { name: best.candidate.name, line: best.candidate.line, confidence: Number(Math.min(0.95, 0.55 + best.score * 0.05).toFixed(2)) };
}

/**
 * The address printed after the issuer's name on its line, as footers and sender lines print it
 * ("… SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg · VAT …"): its address-like parts in a row.
 */
export function issuerAddress(lines: readonly DocumentLine[], issuer: Issuer): string | null {
  const text = lines[issuer.line]?.text ?? '';
  const rest = text.slice(text.indexOf(issuer.name) + issuer.name.length);
  const parts: string[] = [];
  for (const segment of rest.split(SEPARATOR).map((part) => part.replace(/^[\s,;]+/, '').trim())) {
    const upper = segment.toUpperCase();
    const line = { index: issuer.line, page: 1, text: segment, upper };
    if (segment && (isAddressLike(line) || STREET_NAME.test(upper)) && !isContact(line) && !IDENTITY.test(upper)) parts.push(segment);
    else if (parts.length > 0) break;
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The company names of a line: each ends with a legal form, several when columns merged ("Bitforge Labs, Inc. Acme GmbH"). */
function companyNames(line: DocumentLine): Candidate[] {
  const names: Candidate[] = [];
  let offset = 0;
  for (const segment of line.text.split(SEPARATOR)) {
    offset = line.text.indexOf(segment, offset);
    let start = 0;
    for (const form of segment.matchAll(LEGAL_FORM)) {
      if (form.index === undefined) continue;
      const end = form.index + form[0].length;
      const name = MONEY.test(segment) ? null : nameBefore(segment.slice(start, end));
      start = end;
      if (name) names.push({ name, line: line.index, column: names.length, at: offset + segment.lastIndexOf(name, end) });
    }
  }
  return names;
}

/** The words before a legal form that make the name: after any label, at most MAX_NAME_WORDS of them. */
function nameBefore(text: string): string | null {
  const upper = text.toUpperCase();
  const labelEnds = [SELLER_LABEL, CUSTOMER_LABEL].flatMap((pattern) => [...upper.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m.index + m[0].length));
  const afterLabel = (text.slice(Math.max(0, ...labelEnds)).split(/:\s*/).pop() ?? text).trim();
  const words = afterLabel.replace(/^[,;]\s*/, '').split(/\s+/);
  const name = words.slice(-MAX_NAME_WORDS - 1).join(' ').replace(/^[^\p{L}\d&]+/u, '').trim();
  const letters = name.match(/\p{L}/gu) ?? [];
  // The legal form alone, or a lower-case phrase ("is registered as a SA"), is no name.
  if (letters.length < 5 || !/^[\p{Lu}\d]/u.test(name) || NOT_A_NAME.test(name)) return null;
  // A two-letter form ("SE", "AG") ends OCR noise as easily as a name: two real words must precede it.
  const form = words[words.length - 1].replace(/\./g, '');
  if (form.length <= 2 && words.slice(0, -1).filter((word) => /^\p{Lu}[\p{L}&'-]{2,}$/u.test(word)).length < 2) return null;
  return name;
}

/** The names under a line of labels alone ("From  Bill To" above "Bitforge Labs, Inc.  Acme GmbH"), column by column. */
function sellerNames(lines: readonly DocumentLine[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    if (!SELLER_LABEL.test(line.upper) || !isLabelOnly(line)) continue;
    const column = labelOrder(line).indexOf('seller');
    const next = lines[line.index + 1];
    const name = next ? companyNames(next)[column] : undefined;
    if (name) names.push(compact(name.name));
  }
  return names;
}

/** The party label nearest before a name on its own line ("Billing address Sold by Riverside Gadgets Ltd"). */
function labelBefore(line: DocumentLine, at: number): 'seller' | 'customer' | null {
  const before = line.upper.slice(0, at);
  const last = (pattern: RegExp): number => Math.max(-1, ...[...before.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m.index));
  const seller = last(SELLER_LABEL);
  const customer = last(CUSTOMER_LABEL);
  if (seller < 0 && customer < 0) return null;
  return seller > customer ? 'seller' : 'customer';
}

/** For each line inside a customer block, the columns (orders among the line's names) that are the customer's. */
function customerBlocks(lines: readonly DocumentLine[]): Map<number, Set<number>> {
  const blocks = new Map<number, Set<number>>();
  const mark = (line: number, column: number): void => {
    if (!blocks.has(line)) blocks.set(line, new Set());
    blocks.get(line)?.add(column);
  };
  for (const line of lines) {
    const label = CUSTOMER_LABEL.exec(line.upper);
    if (!label) continue;
    if (label.index > 0 && !isLabelOnly(line)) continue;
    const column = isLabelOnly(line) ? labelOrder(line).indexOf('customer') : 0;
    for (let next = line.index + 1; next <= line.index + BLOCK_LINES && next < lines.length; next++) {
      // The block is a name and an address: a seller's label or an amount ends it.
      if ((SELLER_LABEL.test(lines[next].upper) && !CUSTOMER_LABEL.test(lines[next].upper)) || MONEY.test(lines[next].text)) break;
      mark(next, column);
    }
  }
  return blocks;
}

/** The party labels of a line, left to right. */
function labelOrder(line: DocumentLine): Array<'seller' | 'customer'> {
  const found: Array<{ at: number; kind: 'seller' | 'customer' }> = [];
  for (const match of line.upper.matchAll(new RegExp(SELLER_LABEL.source, 'g'))) found.push({ at: match.index, kind: 'seller' });
  for (const match of line.upper.matchAll(new RegExp(CUSTOMER_LABEL.source, 'g'))) found.push({ at: match.index, kind: 'customer' });
  return found.sort((a, b) => a.at - b.at).map((label) => label.kind);
}

/** A line of labels only ("From Bill To", "Billing address Sold by"): the names are on the lines below. */
function isLabelOnly(line: DocumentLine): boolean {
  const rest = line.upper.replace(new RegExp(SELLER_LABEL.source, 'g'), ' ').replace(new RegExp(CUSTOMER_LABEL.source, 'g'), ' ');
  return rest.replace(/[\s:]+|\bADDRESS\b/g, '').length === 0;
}

/** The company line carries, or sits beside, a VAT number, register entry or IBAN. */
function signsWithIdentity(lines: readonly DocumentLine[], index: number): boolean {
  return [index, index + 1].some((i) => lines[i] !== undefined && IDENTITY.test(lines[i].upper));
}

/** The names of the web and e-mail domains printed ("billing@bitforge.io" → "BITFORGE"). */
function webDomains(lines: readonly DocumentLine[]): string[] {
  return lines.flatMap((line) => [...line.upper.matchAll(DOMAIN)].map((match) => compact(match[1].split('.').pop() ?? '')).filter((name) => name.length >= 4));
}

/** "WOLKENWERKHOSTING" matches "Wolkenwerk Hosting GmbH"; "HEXACOM" matches "Hexacom Télécom SAS". */
function matchesDomain(name: string, domain: string): boolean {
  return name.startsWith(domain) || domain.startsWith(name);
}

function compact(text: string): string {
  return text.toUpperCase().replace(/[^\p{L}\d]/gu, '');
}
