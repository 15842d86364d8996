import { extractFields } from './extract-fields';
import { repairAddressWords, repairTownAfterPostcode } from './ocr-cleanup';

const receipt = (...lines: string[]): string => lines.join('\n');

describe('OCR repairs', () => {
  describe('town names by their postcode', () => {
    it('reads the words after a postcode one letter from its town as the town, in the printed case', () => {
      expect(repairTownAfterPostcode('KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERT KEMBANGAN, SELANGOR')).toBe('KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN, SELANGOR');
      expect(repairTownAfterPostcode('SEKSYEN 13, 40170 Shah Alah,')).toBe('SEKSYEN 13, 40170 Shah Alam,');
    });

    it('leaves a town printed right, another town, and an unknown postcode alone', () => {
      expect(repairTownAfterPostcode('81760 JOHOR BAHRU')).toBe('81760 JOHOR BAHRU');
      expect(repairTownAfterPostcode('44150 KLANG, SELANGOR')).toBe('44150 KLANG, SELANGOR');
      expect(repairTownAfterPostcode('00000 SERT KEMBANGAN')).toBe('00000 SERT KEMBANGAN');
    });

    it('repairs the postcode\'s town where the address prints it before the postcode, and no other town there', () => {
      expect(repairAddressWords('Bandar Mahkota Chieras, 43200 Cheras, Selangor')).toBe('Bandar Mahkota Cheras, 43200 Cheras, Selangor');
      expect(repairAddressWords('JALAN AIR PANAS, SETAPAK, 53200 KUALA LUMPUR')).toBe('JALAN AIR PANAS, SETAPAK, 53200 KUALA LUMPUR');
    });

    it('repairs street and state words anywhere ("Julan", "MALAYSTA")', () => {
      expect(repairAddressWords('No 8, Julan Besar, 56000 Kuala Lumpur, MALAYSTA')).toBe('No 8, Jalan Besar, 56000 Kuala Lumpur, MALAYSIA');
    });
  });

  describe('vendor names', () => {
    it('reads a 5 for the S of "SDN BHD"', () => {
      expect(extractFields(receipt('HERO DISTRIBUTION 5DN BHD', '19, JALAN KANCIL,', '55100 KUALA LUMPUR', 'TOTAL 1.00')).vendorName?.value).toBe('HERO DISTRIBUTION SDN BHD');
    });

    it('prints a typographic apostrophe as the plain one', () => {
      expect(extractFields(receipt('KING’S CONFECTIONERY S/B', '19, JALAN KANCIL,', '55100 KUALA LUMPUR', 'TOTAL 1.00')).vendorName?.value).toBe("KING'S CONFECTIONERY S/B");
    });

    it('joins a legal form alone on its line to the name above, even one ending in the country', () => {
      const fields = extractFields(receipt("Nando's Chickenland Malaysia", 'Sdn Bhd', '(Co. No. 123456-X)', 'Lot 1, Jalan Kancil, 55100 Kuala Lumpur', 'TOTAL 1.00'));
      expect(fields.vendorName?.value).toBe("Nando's Chickenland Malaysia SDN BHD");
    });

    it('does not take a label line ("Account number:") for the name', () => {
      expect(extractFields(receipt('Account number:', 'ACME TRADING', '19, JALAN KANCIL,', '55100 KUALA LUMPUR', 'TOTAL 1.00')).vendorName?.value).toBe('ACME TRADING');
    });
  });

  describe('totals', () => {
    const total = (...lines: string[]): string | undefined => extractFields(receipt('KEDAI MAJU', ...lines)).total?.value;

    it('takes the total plus the rounding adjustment after it when that sum is printed below', () => {
      expect(total('ITEM 55.90', 'TOTAL 60.31', 'ROUNDING ADJ -0.01', 'RH 60.30 J', 'CHANGE RM 10.00')).toBe('60.30');
      expect(total('ITEM 55.90', 'TOTAL 60.31', 'ROUNDING ADJ -0.01', 'THANK YOU')).toBe('60.31');
    });

    it('does not trust a payment that is the total with one digit more', () => {
      expect(total('SUB-TOTAL 74.04', 'TOTAL 78.10', 'DEBIT CARD 728.10', 'CHANGE 0.00')).toBe('78.10');
    });

    it('takes of several tendered lines the one whose difference with the change is printed', () => {
      expect(total('ITEM 71.00', 'TOTAL 11.00', 'Cash 71.00', 'Cash Received 101.00', 'Change 30.00')).toBe('71.00');
    });

    it('reads an amount behind a stray slash', () => {
      expect(total('SUB-TOTAL 16.98', 'TOTAL /18.00', 'CHANGE 0.00')).toBe('18.00');
    });
  });

  describe('dates', () => {
    it('reads a tilde OCR put for a dash', () => {
      expect(extractFields(receipt('KEDAI MAJU', '02:49PM 565287 05~05-17', 'TOTAL 1.00')).date?.value).toBe('2017-05-05');
    });

    it('takes eight digits alone in the header for the date only when no other date is printed', () => {
      expect(extractFields(receipt('KEDAI MAJU', '27032018 No :CS-20243', 'TOTAL 1.00')).date).toEqual({ value: '2018-03-27', confidence: expect.any(Number) });
      expect(extractFields(receipt('KEDAI MAJU', '27032018 No :CS-20243', 'Date: 28/03/2018', 'TOTAL 1.00')).date?.value).toBe('2018-03-28');
      expect(extractFields(receipt('KEDAI MAJU', 'TOTAL 1.00', 'MEMBER 12345678', '27032018')).date).toBeNull();
    });
  });
});
