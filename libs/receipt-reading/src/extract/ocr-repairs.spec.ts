import { extractFields } from './extract-fields';
import { keywordWords } from './fuzzy-keywords';
import { repairAddressWords } from './ocr-cleanup';

const receipt = (...lines: string[]): string => lines.join('\n');

describe('OCR repairs kept for what they do on receipts nobody tuned them on', () => {
  it('repairs street and state words of an address, never a town name', () => {
    expect(repairAddressWords('No 8, Julan Besar, 56000 Kuala Lumpur, MALAYSTA')).toBe('No 8, Jalan Besar, 56000 Kuala Lumpur, MALAYSIA');
    expect(repairAddressWords('43300 SERI KENBANGAN, SELANGOR')).toBe('43300 SERI KENBANGAN, SELANGOR');
    expect(repairAddressWords('JALAN AIR PANAS, SETAPAK, 53200 KUALA LUMPUR')).toBe('JALAN AIR PANAS, SETAPAK, 53200 KUALA LUMPUR');
  });

  it('does not take a label line ("Account number:") for the name, but a name OCR followed with a stray colon', () => {
    expect(extractFields(receipt('Account number:', 'ACME TRADING', '19, JALAN KANCIL,', '55100 KUALA LUMPUR', 'TOTAL 1.00')).vendorName?.value).toBe('ACME TRADING');
    expect(extractFields(receipt('YONG TAT HARDWARE TRADING :', '(JM0292487-D)', 'NO 4 JALAN PERJIRANAN 10,', 'TOTAL 1.00')).vendorName?.value).toBe('YONG TAT HARDWARE TRADING');
  });

  it('takes the total plus the rounding adjustment after it when that sum is printed below', () => {
    const total = (...lines: string[]): string | undefined => extractFields(receipt('KEDAI MAJU', ...lines)).total?.value;
    expect(total('ITEM 55.90', 'TOTAL 60.31', 'ROUNDING ADJ -0.01', 'RH 60.30 J', 'CHANGE RM 10.00')).toBe('60.30');
    expect(total('ITEM 55.90', 'TOTAL 60.31', 'ROUNDING ADJ -0.01', 'THANK YOU')).toBe('60.31');
  });

  it('takes eight digits alone in the header for the date only when no other date is printed', () => {
    expect(extractFields(receipt('KEDAI MAJU', '27032018 No :CS-20243', 'TOTAL 1.00')).date).toEqual({ value: '2018-03-27', confidence: expect.any(Number) });
    expect(extractFields(receipt('KEDAI MAJU', '27032018 No :CS-20243', 'Date: 28/03/2018', 'TOTAL 1.00')).date?.value).toBe('2018-03-28');
    expect(extractFields(receipt('KEDAI MAJU', 'TOTAL 1.00', 'MEMBER 12345678', '27032018')).date).toBeNull();
  });

  it('finds the name OCR ran together with the date beside it, a legal form alone on its line, and a title with its space lost', () => {
    const name = (...lines: string[]): string | undefined => extractFields(receipt(...lines, 'NO 5, JALAN MAJU 2,', '43000 KAJANG, SELANGOR', 'TOTAL 9.00')).vendorName?.value;
    expect(name('KEDAI BUKU CERIA SDN BHD 14 Apr 2018 09:12', 'TAXINVOICE')).toBe('KEDAI BUKU CERIA SDN BHD');
    expect(name('14 Apr 2018 09:12 KEDAI BUKU CERIA SDN BHD', 'TAXINVOICE')).not.toBe('KEDAI BUKU CERIA SDN BHD');
    expect(name("Ali's.", "Ali's Burger House Malaysia", 'Sdn Bhd')).toBe("Ali's Burger House Malaysia SDN BHD");
    expect(name('TAXINVOICE', 'KEDAI BUKU CERIA')).toBe('KEDAI BUKU CERIA');
  });

  it('reads two receipt words OCR ran together as the two words ("TOTALTAX" is a tax, not a total)', () => {
    expect(keywordWords('TOTALTAX')).toEqual(['TOTAL', 'TAX']);
    expect(keywordWords('SUBTOTAL TOTALE')).toEqual(['SUBTOTAL', 'TOTALE']);
    const fields = extractFields(receipt('KEDAI MAJU', 'PEN 4.60', 'SUB-TOTAL(EX) : 4.60', 'TOTALTAX : 0.28', 'ROUNDING : 0.02', 'TOTAL : 4.90', 'CASH : 4.90'));
    expect(fields.total?.value).toBe('4.90');
  });
});
