import { extractFields } from './extract-fields';

const sut = extractFields;

const text = (...lines: string[]): string => lines.join('\n');

describe('invoice fields', () => {
  describe('issuer', () => {
    it('is the company of the legal footer, not the "Bill to" customer nor a label heading the page', () => {
      const fields = sut(
        text(
          'Account number:',
          '4821 9930 1177',
          'Bill to Address:',
          'Brightline Analytics Ltd',
          'Invoice Date: March 2, 2024',
          'Total for this invoice USD 142.17',
          'Nimbus Web Services EMEA SARL, 38 avenue John F. Kennedy, L-1855 Luxembourg',
          'VAT Registration Number: LU26888617',
        ),
      );
      expect(fields.vendorName?.value).toBe('Nimbus Web Services EMEA SARL');
      expect(fields.vendorAddress?.value).toBe('38 avenue John F. Kennedy, L-1855 Luxembourg');
    });

    it('is the "Sold by" party, also when the buyer\'s block shares its line', () => {
      const fields = sut(text('Invoice', 'Billing address Sold by Riverside Gadgets Ltd', 'Acme Holdings Ltd Unit 4, Mill Lane', 'Invoice total £58.97'));
      expect(fields.vendorName?.value).toBe('Riverside Gadgets Ltd');
    });

    it('is the column under "From" when "From" and "Bill To" head two columns', () => {
      const fields = sut(text('INVOICE', 'From Bill To', 'Acme Logistics GmbH Bitforge Labs, Inc.', 'Amount due $1,250.00'));
      expect(fields.vendorName?.value).toBe('Acme Logistics GmbH');
      const swapped = sut(text('INVOICE', 'Bill To From', 'Acme Logistics GmbH Bitforge Labs, Inc.', 'Amount due $1,250.00'));
      expect(swapped.vendorName?.value).toBe('Bitforge Labs, Inc.');
    });

    it('is the company the e-mail domain names when the footer signs with a register entry', () => {
      const fields = sut(
        text('WOLKENWERK', 'Musterfirma AG', 'Rechnungsbetrag 58,31 €', 'Wolkenwerk Hosting GmbH | Amtsgericht Ansbach HRB 6089', 'info@wolkenwerk-hosting.de'),
      );
      expect(fields.vendorName?.value).toBe('Wolkenwerk Hosting GmbH');
    });

    it('leaves a receipt to its header: a name without seller block, footer or domain is read as before', () => {
      const fields = sut(text('ACME TRADING SDN BHD', '(GST ID: 000123456789)', 'NO 8, JALAN 7/118B, 56000 KUALA LUMPUR', 'TOTAL RM 30.00'));
      expect(fields.vendorName?.value).toBe('ACME TRADING SDN BHD');
      const withSummary = sut(text('KEDAI RUNCIT MAJU', 'NO 8, JALAN 7/118B, 56000 KUALA LUMPUR', 'TOTAL 18.90', 'TOTAL 6% SUPPLIES (INC. GST) 18.90', 'GST ID: 000123456789'));
      expect(withSummary.vendorName?.value).toBe('KEDAI RUNCIT MAJU');
    });
  });

  describe('date', () => {
    it.each([
      ['Rechnungsdatum: 05.03.2024 Fällig am: 19.03.2024', '2024-03-05'],
      ['Fällig am: 19.03.2024 Rechnungsdatum: 05.03.2024', '2024-03-05'],
      ["Date d'échéance : 27/02/2024 Date de facture : 12 février 2024", '2024-02-12'],
      ['Aankomst: 10-04-2024 Factuurdatum: 12-04-2024', '2024-04-12'],
      ['Order date: 12 January 2024 Invoice date: 14 January 2024', '2024-01-14'],
    ])('is the one the invoice-date label names: %s', (line, expected) => {
      expect(sut(text('INVOICE', line, 'TOTAL 1.00')).date?.value).toBe(expected);
    });

    it('is not a date of the period the invoice covers', () => {
      const fields = sut(text('Rechnung', 'Leistungszeitraum: 01.02.2024 - 29.02.2024', 'Datum 05.03.2024', 'Summe 1,00 €'));
      expect(fields.date?.value).toBe('2024-03-05');
      expect(sut(text('Facture', 'Période du 01/01/2024 au 31/01/2024', 'Émise le 12/02/2024', 'Total 1,00 €')).date?.value).toBe('2024-02-12');
    });
  });
});
