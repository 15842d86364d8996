import PDFDocument from 'pdfkit';

/** A run of text placed on an A4 page (points from the top left), as an invoice's generator lays it out. */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
  /** Right-aligned: `x` is where the text ends. */
  right?: boolean;
}

export interface InvoiceFixture {
  name: string;
  /** What an accountant would book: the issuer, the invoice date, the amount to pay and its currency. */
  truth: { vendor: string; date: string; total: string; currency: string };
  pages: PlacedText[][];
}

const A4: [number, number] = [595.28, 841.89];

/** Lines one under another, starting at (x, y). */
function column(x: number, y: number, lines: readonly string[], options: { size?: number; gap?: number; bold?: boolean; right?: boolean } = {}): PlacedText[] {
  const { size = 9, gap = size + 3 } = options;
  return lines.map((text, i) => ({ x, y: y + i * gap, text, size, bold: options.bold, right: options.right }));
}

/** A table row: label at the left, amount right-aligned at the right margin. */
function row(y: number, label: string, amount: string, options: { x?: number; bold?: boolean } = {}): PlacedText[] {
  return [{ x: options.x ?? 50, y, text: label, size: 9, bold: options.bold }, { x: 545, y, text: amount, size: 9, bold: options.bold, right: true }];
}

/**
 * A cloud provider's monthly invoice (English, USD): the account number heads the page, the
 * customer's "Bill to" block comes first, the issuer is named only in the legal footer.
 */
const cloud: InvoiceFixture = {
  name: 'cloud provider, English, issuer in the footer',
  truth: { vendor: 'Nimbus Web Services EMEA SARL', date: '2024-03-02', total: '142.17', currency: 'USD' },
  pages: [
    [
      { x: 50, y: 40, text: 'Account number:', size: 9 },
      { x: 50, y: 52, text: '4821 9930 1177', size: 9 },
      { x: 50, y: 80, text: 'Invoice', size: 20, bold: true },
      ...column(50, 120, ['Bill to Address:', 'ATTN: Jane Doe', 'Brightline Analytics Ltd', '12 Harbour Street', 'London, SE1 9PG, GB']),
      ...column(330, 120, ['Invoice Summary', 'Invoice Number: EUINGB24-1290441', 'Invoice Date: March 2, 2024', 'VAT Registration Number: GB123456789']),
      { x: 330, y: 180, text: 'TOTAL AMOUNT DUE ON March 2, 2024', size: 9, bold: true },
      { x: 545, y: 180, text: 'USD 142.17', size: 9, bold: true, right: true },
      { x: 50, y: 230, text: 'This invoice is for the billing period February 1 - February 29, 2024', size: 9 },
      ...row(260, 'Nimbus Web Services Charges', 'USD 118.48'),
      ...row(274, 'Charges', 'USD 118.48'),
      ...row(288, 'VAT 20%', 'USD 23.69'),
      ...row(302, 'Total for this invoice', 'USD 142.17', { bold: true }),
      ...column(50, 780, [
        'Nimbus Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg',
        'VAT Registration Number: LU26888617 · Registered in Luxembourg: R.C.S. Luxembourg B186284',
      ], { size: 7 }),
    ],
  ],
};

/** A marketplace order invoice (English, GBP): the seller is "Sold by" beside the buyer's address, the order date follows the invoice date. */
const marketplace: InvoiceFixture = {
  name: 'marketplace seller, English, "Sold by" block',
  truth: { vendor: 'Riverside Gadgets Ltd', date: '2024-01-14', total: '58.97', currency: 'GBP' },
  pages: [
    [
      { x: 50, y: 40, text: 'Invoice', size: 18, bold: true },
      { x: 545, y: 40, text: 'Page 1 of 1', size: 8, right: true },
      ...column(50, 80, ['Invoice date / Delivery date: 14 January 2024', 'Invoice #: GB-INV-2024-88123', 'Order date: 12 January 2024', 'Order #: 204-7712309-5566312']),
      ...column(50, 150, ['Billing address', 'Thomas Baker', '7 Orchard Close', 'Bristol, BS8 1QU', 'United Kingdom']),
      ...column(330, 150, ['Sold by Riverside Gadgets Ltd', 'Unit 4, Mill Lane Industrial Estate', 'Leeds, LS12 6AB', 'VAT # GB 294 1183 52']),
      ...column(50, 240, ['Description', 'USB-C Hub 7-in-1', 'Braided USB-C cable 2 m (x2)']),
      { x: 330, y: 240, text: 'VAT rate', size: 9 },
      { x: 545, y: 240, text: 'Total price', size: 9, right: true },
      { x: 330, y: 252, text: '20%', size: 9 },
      { x: 545, y: 252, text: '£39.99', size: 9, right: true },
      { x: 330, y: 264, text: '20%', size: 9 },
      { x: 545, y: 264, text: '£18.98', size: 9, right: true },
      ...row(300, 'Shipping charges', '£0.00', { x: 330 }),
      ...row(314, 'Invoice total', '£58.97', { x: 330, bold: true }),
      ...column(50, 780, ['Riverside Gadgets Ltd is registered in England and Wales, company number 09876543.'], { size: 7 }),
    ],
  ],
};

/**
 * A German hosting invoice: the sender line above the address window, the customer in the window,
 * the invoice date beside a service period and a due date, decimal commas, the register in the footer.
 */
const hosting: InvoiceFixture = {
  name: 'hosting provider, German, sender line and register footer',
  truth: { vendor: 'Wolkenwerk Hosting GmbH', date: '2024-03-05', total: '58.31', currency: 'EUR' },
  pages: [
    [
      { x: 545, y: 40, text: 'WOLKENWERK', size: 16, bold: true, right: true },
      { x: 50, y: 120, text: 'Wolkenwerk Hosting GmbH · Industriestr. 25 · 91710 Gunzenhausen', size: 6 },
      ...column(50, 140, ['Musterfirma AG', 'Herrn Max Mustermann', 'Hauptstraße 5', '10115 Berlin']),
      ...column(360, 140, ['Rechnungsnummer: R0012345678', 'Kundennummer: K0815', 'Rechnungsdatum: 05.03.2024', 'Leistungszeitraum: 01.02.2024 - 29.02.2024']),
      { x: 50, y: 230, text: 'Rechnung R0012345678', size: 14, bold: true },
      ...row(270, 'Cloud Server CX31 (Februar)', '43,00 €'),
      ...row(284, 'Backup-Speicher 100 GB', '6,00 €'),
      ...row(310, 'Summe netto', '49,00 €'),
      ...row(324, 'zzgl. 19 % USt.', '9,31 €'),
      ...row(338, 'Rechnungsbetrag', '58,31 €', { bold: true }),
      { x: 50, y: 370, text: 'Zahlbar bis 19.03.2024 ohne Abzug. Der Betrag wird von Ihrem Konto abgebucht.', size: 9 },
      ...column(50, 770, [
        'Wolkenwerk Hosting GmbH | Industriestr. 25 | 91710 Gunzenhausen | www.wolkenwerk-hosting.de | info@wolkenwerk-hosting.de',
        'Geschäftsführer: Anna Schmidt | Amtsgericht Ansbach HRB 6089 | USt-IdNr. DE812871812',
        'Sparkasse Gunzenhausen | IBAN DE92 7655 0000 0001 2345 67 | BIC BYLADEM1GUN',
      ], { size: 6 }),
    ],
  ],
};

/** A French telecom bill: only a brand heads it, the customer's account first, the company in the legal mentions. */
const telecom: InvoiceFixture = {
  name: 'telecom operator, French, company in the legal mentions',
  truth: { vendor: 'Hexacom Télécom SAS', date: '2024-02-12', total: '29.99', currency: 'EUR' },
  pages: [
    [
      { x: 50, y: 40, text: 'hexacom', size: 22, bold: true },
      { x: 545, y: 44, text: 'FACTURE', size: 16, bold: true, right: true },
      ...column(50, 100, ['Client : Mme Claire Dubois', 'Numéro de compte : 0612345678', '14 rue des Lilas', '69003 Lyon']),
      ...column(330, 100, ['Facture n° F2024-0211-7788', 'Date de facture : 12 février 2024', 'Période du 01/01/2024 au 31/01/2024', "Date d'échéance : 27/02/2024"]),
      ...row(190, 'Forfait Mobile 100 Go', '24,99 €'),
      ...row(216, 'Total HT', '24,99 €'),
      ...row(230, 'TVA 20 %', '5,00 €'),
      ...row(244, 'Total TTC', '29,99 €', { bold: true }),
      ...row(268, 'Montant à payer', '29,99 €', { bold: true }),
      { x: 50, y: 300, text: 'Prélèvement le 27/02/2024 sur le compte FR76 •••• 4411.', size: 9 },
      ...column(50, 785, [
        'Hexacom Télécom SAS au capital de 1 000 000 € – 8 avenue de la République, 75011 Paris – RCS Paris 123 456 789',
        'TVA intracommunautaire FR12 123456789 – service-client@hexacom.fr',
      ], { size: 6 }),
    ],
  ],
};

/** A Dutch hotel folio: the guest and the stay's dates first, the hotel in its letterhead and footer. */
const hotel: InvoiceFixture = {
  name: 'hotel, Dutch, letterhead and footer',
  truth: { vendor: 'Hotel De Gouden Leeuw B.V.', date: '2024-04-12', total: '312.40', currency: 'EUR' },
  pages: [
    [
      ...column(50, 40, ['Hotel De Gouden Leeuw B.V.', 'Grote Markt 14', '9711 LV Groningen'], { size: 10 }),
      { x: 545, y: 40, text: 'FACTUUR', size: 16, bold: true, right: true },
      ...column(50, 110, ['Gast: Dhr. P. de Vries', 'Bedrijf: Vries & Zonen Installatietechniek', 'Kamer: 214']),
      ...column(330, 110, ['Factuurnummer: 2024-04871', 'Aankomst: 10-04-2024', 'Vertrek: 12-04-2024', 'Factuurdatum: 12-04-2024']),
      ...row(190, 'Logies 2 nachten à € 128,00', '€ 256,00'),
      ...row(204, 'Ontbijt 2x', '€ 39,00'),
      ...row(218, 'Toeristenbelasting', '€ 17,40'),
      ...row(244, 'Totaal', '€ 312,40', { bold: true }),
      ...row(258, 'Waarvan BTW 9%', '€ 24,36'),
      ...row(280, 'Voldaan per pinbetaling', '€ 312,40'),
      ...column(50, 790, ['Hotel De Gouden Leeuw B.V. · KvK 01234567 · BTW NL001234567B01 · IBAN NL91 ABNA 0417 1643 00 · www.goudenleeuw.nl'], { size: 6 }),
    ],
  ],
};

/** A US SaaS invoice: "From" and "Bill To" side by side on the same rows, a due date after the issue date. */
const saas: InvoiceFixture = {
  name: 'software subscription, English, "From" and "Bill To" side by side',
  truth: { vendor: 'Bitforge Labs, Inc.', date: '2024-05-01', total: '1250.00', currency: 'USD' },
  pages: [
    [
      { x: 50, y: 40, text: 'INVOICE', size: 20, bold: true },
      ...column(50, 80, ['Invoice number 8F3A2C1D-0007', 'Date of issue May 1, 2024', 'Date due May 31, 2024']),
      ...column(50, 130, ['From', 'Bitforge Labs, Inc.', '548 Market Street, Suite 900', 'San Francisco, CA 94104', 'billing@bitforge.io']),
      ...column(300, 130, ['Bill To', 'Acme Logistics GmbH', 'Am Hafen 3', '20457 Hamburg, Germany', 'ap@acme-logistics.de']),
      { x: 50, y: 210, text: '$1,250.00 due May 31, 2024', size: 12, bold: true },
      ...row(250, 'Team plan (25 seats) May 1 – May 31, 2024', '$1,250.00'),
      ...row(276, 'Subtotal', '$1,250.00'),
      ...row(290, 'Total', '$1,250.00'),
      ...row(304, 'Amount due', '$1,250.00', { bold: true }),
    ],
  ],
};

/** A German mobile bill: the letterhead names the issuer, the invoice and due dates share a line. */
const mobile: InvoiceFixture = {
  name: 'mobile operator, German, invoice and due date on one line',
  truth: { vendor: 'Funkwelle Mobilfunk GmbH', date: '2024-04-03', total: '39.99', currency: 'EUR' },
  pages: [
    [
      { x: 50, y: 40, text: 'Funkwelle Mobilfunk GmbH', size: 14, bold: true },
      { x: 50, y: 58, text: 'Postfach 10 20 30 · 40001 Düsseldorf', size: 8 },
      ...column(50, 120, ['Herrn Jonas Becker', 'Lindenweg 7', '50667 Köln']),
      ...column(330, 120, ['Kundennummer: 7712 0045', 'Rechnungsnummer: 2024-04-118832']),
      { x: 330, y: 146, text: 'Fällig am: 17.04.2024   Rechnungsdatum: 03.04.2024', size: 9 },
      { x: 50, y: 200, text: 'Ihre Rechnung für den Abrechnungszeitraum 01.03.2024 – 31.03.2024', size: 11, bold: true },
      ...row(230, 'Tarif Funkwelle XL (monatlicher Grundpreis)', '29,99 €'),
      ...row(244, 'Roaming EU', '0,00 €'),
      ...row(258, 'Zusatzpaket 10 GB', '10,00 €'),
      ...row(284, 'Summe netto', '33,61 €'),
      ...row(298, 'Umsatzsteuer 19 %', '6,38 €'),
      ...row(312, 'Gesamtbetrag', '39,99 €', { bold: true }),
      ...column(50, 790, ['Funkwelle Mobilfunk GmbH · Sitz Düsseldorf · Amtsgericht Düsseldorf HRB 99887 · USt-IdNr. DE 298 765 432'], { size: 6 }),
    ],
  ],
};

/** A French marketplace invoice: the seller is "Vendu par", the order date comes before the invoice date. */
const boutique: InvoiceFixture = {
  name: 'marketplace seller, French, "Vendu par"',
  truth: { vendor: 'Atelier Lumière SARL', date: '2024-03-01', total: '74.90', currency: 'EUR' },
  pages: [
    [
      { x: 50, y: 40, text: 'Facture', size: 18, bold: true },
      ...column(50, 80, ['Adresse de facturation', 'Julien Martin', '3 place Bellecour', '69002 Lyon']),
      ...column(330, 80, ['Vendu par : Atelier Lumière SARL', '12 rue du Faubourg', '33000 Bordeaux', 'TVA FR45 123456789']),
      ...column(50, 160, ['Date de commande : 28/02/2024', 'Date de facture : 01/03/2024', 'N° de facture : FR-2024-000731']),
      ...row(220, 'Lampe de bureau laiton', '64,90 €'),
      ...row(234, 'Livraison', '10,00 €'),
      ...row(260, 'Total HT', '62,42 €'),
      ...row(274, 'TVA 20 %', '12,48 €'),
      ...row(288, 'Total à payer', '74,90 €', { bold: true }),
    ],
  ],
};

export const INVOICES: readonly InvoiceFixture[] = [cloud, marketplace, hosting, telecom, hotel, saas, mobile, boutique];

/** The invoice as its issuer's software would make it: a PDF whose text layer holds every run of text. */
export function renderInvoice(invoice: InvoiceFixture): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: A4, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const page of invoice.pages) {
      doc.addPage();
      for (const item of page) {
        doc.font(item.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(item.size ?? 9);
        const x = item.right ? item.x - doc.widthOfString(item.text) : item.x;
        doc.text(item.text, x, item.y, { lineBreak: false });
      }
    }
    doc.end();
  });
}
