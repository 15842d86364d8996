import fc from 'fast-check';
import { sampleReceipt } from '../../test/sample-receipts';
import { extractFields } from './extract-fields';

const sut = extractFields;

const receipt = (...lines: string[]): string => lines.join('\n');

describe(extractFields.name, () => {
  describe('dates', () => {
    it.each([
      ['Date: 25/12/2018 20:13', '2018-12-25'],
      ['07 MAR 2018 18:22', '2018-03-07'],
      ['20-11-17 14:02', '2017-11-20'],
      ['2016-05-01 12:00', '2016-05-01'],
      ['Datum: 03.04.2019', '2019-04-03'],
      ['05-JAN-2017', '2017-01-05'],
      ['March 7, 2018', '2018-03-07'],
      ['Le 12 févr. 2020', '2020-02-12'],
      ['Tarikh: 9 Ogos 2018', '2018-08-09'],
      ['00440010036 25032018 13:11:54', '2018-03-25'],
      ['Date/Time : 20180428/191204', '2018-04-28'],
      ['Date: 1210212018', '2018-02-12'],
    ])('reads %s', (line, expected) => {
      expect(sut(receipt('SHOP', line, 'TOTAL 1.00')).date?.value).toBe(expected);
    });

    it('orders day and month by locale, and by plausibility when one reading is impossible', () => {
      expect(sut('Date: 03/04/2019', { locale: 'en-US' }).date?.value).toBe('2019-03-04');
      expect(sut('Date: 03/04/2019', { locale: 'en-GB' }).date?.value).toBe('2019-04-03');
      expect(sut('Date: 12/25/2019', { locale: 'en-GB' }).date?.value).toBe('2019-12-25');
    });

    it('repairs a year whose 2 OCR read as another digit', () => {
      expect(sut(receipt('SHOP', 'RECEIPT #: CS123 DATE: 15/11/3017', 'TOTAL 1.00')).date?.value).toBe('2017-11-15');
    });

    it('prefers the labelled purchase date to an expiry date', () => {
      const fields = sut(receipt('CARD EXPIRY: 30/09/18', 'DATE: 01/03/18 19:14'));
      expect(fields.date?.value).toBe('2018-03-01');
    });

    describe('with the day the photo was taken', () => {
      it('orders day and month so that the receipt is not dated after its photo', () => {
        expect(sut('Date: 04/03/2026', { locale: 'en-US', takenOn: '2026-03-10' }).date).toEqual({ value: '2026-03-04', confidence: expect.any(Number) });
        expect(sut('Date: 04/05/2026', { locale: 'en-GB', takenOn: '2026-04-06' }).date?.value).toBe('2026-04-05');
        // Both readings before the photo: the locale decides, as without one.
        expect(sut('Date: 04/03/2026', { locale: 'en-GB', takenOn: '2026-06-01' }).date?.value).toBe('2026-03-04');
      });

      it('is surer of an order the photo settles than of one the locale guesses', () => {
        const settled = sut('Date: 04/03/2026', { locale: 'en-US', takenOn: '2026-03-10' }).date?.confidence ?? 0;
        const guessed = sut('Date: 04/03/2026', { locale: 'en-US' }).date?.confidence ?? 1;
        expect(settled).toBeGreaterThan(guessed);
      });

      it('passes over a date later than the photo for one before it', () => {
        expect(sut(receipt('SHOP', '20/05/2026 10:02', 'Sale 12/05/2026', 'TOTAL 1.00'), { takenOn: '2026-05-13' }).date?.value).toBe('2026-05-12');
        expect(sut(receipt('SHOP', '20/05/2026 10:02', 'Sale 12/05/2026', 'TOTAL 1.00')).date?.value).toBe('2026-05-20');
      });

      it('allows a day for time zones and camera clocks', () => {
        expect(sut('Date: 14/03/2026 23:50', { takenOn: '2026-03-13' }).date?.value).toBe('2026-03-14');
      });

      it('stands in, doubtfully, when no date is printed', () => {
        expect(sut(receipt('SHOP', 'TOTAL 1.00'), { takenOn: '2026-03-14' }).date).toEqual({ value: '2026-03-14', confidence: 0.3 });
        expect(sut(receipt('SHOP', 'TOTAL 1.00')).date).toBeNull();
      });
    });
  });

  describe('totals', () => {
    it('takes the total, not the cash tendered nor the change', () => {
      const fields = sut(receipt('ITEM A 12.00', 'ITEM B 8.00', 'TOTAL 20.00', 'CASH 50.00', 'CHANGE 30.00'));
      expect(fields.total?.value).toBe('20.00');
      expect(fields.paymentMethod?.value).toBe('cash');
    });

    it('finds the total from cash tendered minus change when no total line is legible', () => {
      const fields = sut(receipt('ITEM A 12.00', 'ITEM B 8.50', 'CASH 50.00', 'CHANGE 29.50'));
      expect(fields.total?.value).toBe('20.50');
    });

    it('works out the paid total from the tendered amount printed last before the change', () => {
      expect(sut(receipt('FRIED RICE 71.00', 'TOTAL 71.00', 'Cash 71.00', 'Cash Received 101.00', 'Change 30.00')).total?.value).toBe('71.00');
      expect(sut(receipt('ITEM A 12.00', 'ITEM B 8.50', 'CASH 20.50', 'CASH RECEIVED 50.00', 'CHANGE 29.50')).total?.value).toBe('20.50');
    });

    it.each([
      ['Tatal 12.30'],
      ['TOFAL: 12.30'],
      ['Grand Tota] 12.30'],
    ])('reads the misread keyword in "%s"', (line) => {
      expect(sut(receipt('COFFEE 12.30', line, 'CASH 20.00')).total?.value).toBe('12.30');
    });

    it('reads digits OCR took for letters', () => {
      expect(sut(receipt('TOTAL RMZ8 03')).total?.value).toBe('28.03');
      expect(sut(receipt('TOTAL §5.10')).total?.value).toBe('55.10');
    });

    it('reads grouped amounts with either decimal separator', () => {
      expect(sut(receipt('Gesamtbetrag € 4.904,94')).total?.value).toBe('4904.94');
      expect(sut(receipt('GRAND TOTAL 1,234.56')).total?.value).toBe('1234.56');
      expect(sut(receipt('Total Rs 1939')).total?.value).toBe('1939.00');
    });

    it('confirms the total by subtotal + tax + tip and is then surer than without', () => {
      const confirmed = sut(receipt('SUBTOTAL 40.00', 'GST 6% 2.40', 'TIP 5.00', 'TOTAL 47.40'));
      const alone = sut(receipt('TOTAL 47.40'));
      expect(confirmed.total?.value).toBe('47.40');
      expect(confirmed.subtotal?.value).toBe('40.00');
      expect(confirmed.tip?.value).toBe('5.00');
      expect(confirmed.total?.confidence).toBeGreaterThan(alone.total?.confidence ?? 1);
    });

    it('takes the rounded total that follows the unrounded one', () => {
      const fields = sut(receipt('SUBTOTAL 87.80', 'GST @6% 5.81', '10% SRV CHG 8.78', 'TOTAL: 102.39', 'ROUNDING 0.01', 'TOTAL 102.40'));
      expect(fields.total?.value).toBe('102.40');
    });

    it('takes the amount paid for the total when the receipt prints it after an unrounded total', () => {
      const fields = sut(receipt('BUN 15.39', 'TOTAL 15.39', 'ROUNDING 0.01', 'ARAND TOTARM 15.40', 'TOTAL PAID 50.00', 'CHANGE 34.60'));
      expect(fields.total?.value).toBe('15.40');
    });

    it('keeps the printed total when the amount paid is a cent off and printed nowhere', () => {
      const fields = sut(receipt('WATER 2.56', 'SUBTOTAL 2.56', 'TOTAL (GST INCL) 2.56', 'CASH 50.55', 'ROUNDING ADJUSTMENTS 0.01-', 'CHANGE DUE 48.00'));
      expect(fields.total?.value).toBe('2.56');
    });

    it('does not take a tax summary row for the total', () => {
      const fields = sut(receipt('TOTAL (RM): 112.45', 'CASH: 112.45', 'GST SUMMARY', 'SR 6 106.10 6.37', 'TOTAL : 106.10 6.37'));
      expect(fields.total?.value).toBe('112.45');
    });
  });

  describe('tax lines, currency, payment, numbers', () => {
    it('reads tax lines with their rate', () => {
      const fields = sut(receipt('SUB TOTAL 100.00', 'VAT 20% 20.00', 'TOTAL 120.00'));
      expect(fields.taxLines).toEqual([expect.objectContaining({ label: 'VAT', rate: '20', amount: '20.00' })]);
    });

    it.each([
      ['TOTAL RM 12.00', undefined, 'MYR'],
      ['TOTAL € 12,00', undefined, 'EUR'],
      ['TOTAL £12.00', undefined, 'GBP'],
      ['TOTAL $12.00', 'en-US', 'USD'],
      ['TOTAL $12.00', 'en-AU', 'AUD'],
      ['TOTAL 12.00 CHF', undefined, 'CHF'],
      ['AMOUNT RM\nTOTAL 12.00', undefined, 'MYR'],
      ['QTY PRICE (RM)\nTOTAL 12.00', 'en-GB', 'MYR'],
      ['TOTAL 12.00', 'de-DE', undefined],
    ])('reads the currency of "%s" (locale %s) as %s', (line, locale, code) => {
      expect(sut(line, { locale }).currency?.value).toBe(code);
    });

    it('formats amounts with the currency’s decimals', () => {
      expect(sut('合計 ¥1,280', { locale: 'ja-JP' }).currency?.value).toBe('JPY');
      expect(sut(receipt('TOTAL ¥1,280'), { locale: 'ja-JP' }).total?.value).toBe('1280');
    });

    it('reads a card payment with its last four digits', () => {
      const fields = sut(receipt('TOTAL 18.80', 'VISA 18.80', 'CARD NO: XXXX XXXX XXXX 4321'));
      expect(fields.paymentMethod?.value).toBe('card');
      expect(fields.cardLast4?.value).toBe('4321');
    });

    it('reads the document number, phone and tax id', () => {
      const fields = sut(receipt('ACME TRADING SDN BHD', 'TEL: 03-8271 9872', 'GST ID: 000689913856', 'INVOICE NO: INV-2018/0042', 'TOTAL 9.00'));
      expect(fields.documentNumber?.value).toBe('INV-2018/0042');
      expect(fields.vendorPhone?.value).toBe('03-8271 9872');
      expect(fields.vendorTaxId?.value).toBe('000689913856');
    });

    it('reads line items with quantity and unit price', () => {
      const fields = sut(receipt('ACME STORE', 'QTY DESCRIPTION AMOUNT', 'TAPE 2 x 2.50 5.00', 'GLUE 1 x 3.20 3.20', 'SUBTOTAL 8.20', 'TOTAL 8.20'));
      expect(fields.lineItems).toEqual([
        expect.objectContaining({ description: 'TAPE', quantity: '2', unitPrice: '2.50', amount: '5.00' }),
        expect.objectContaining({ description: 'GLUE', quantity: '1', unitPrice: '3.20', amount: '3.20' }),
      ]);
      expect(fields.total?.confidence).toBeGreaterThanOrEqual(0.85);
    });
  });

  describe('vendor', () => {
    it('takes the name with a legal form over a person’s name above it, repairing the form', () => {
      const fields = sut(receipt('tan woon yann', 'BOOK TA .K (TAMAN DAYA) SDN 8HD', '789417-W', 'NO.53 JALAN SAGU 18,', 'TAMAN DAYA,', '81100 JOHOR BAHRU,', 'JOHOR.', 'TEL: 07-123 4567'));
      expect(fields.vendorName?.value).toBe('BOOK TA .K (TAMAN DAYA) SDN BHD');
      expect(fields.vendorAddress?.value).toBe('NO.53 JALAN SAGU 18, TAMAN DAYA, 81100 JOHOR BAHRU, JOHOR.');
    });
  });

  describe('vendor and address', () => {
    it('reads a name printed with its registration number, under a logo OCR read as a word', () => {
      const fields = sut(receipt('Alig', 'AEON CO. (M) BHD (126926-H)', '3RD FLR, AEON TAMAN MALURI SC', 'JLN JEJAKA, TAMAN MALURI', 'CHERAS, 55100 KUALA LUMPUR', 'GST ID : 002017394688'));
      expect(fields.vendorName?.value).toBe('AEON CO. (M) BHD');
      expect(fields.vendorAddress?.value).toBe('3RD FLR, AEON TAMAN MALURI SC JLN JEJAKA, TAMAN MALURI CHERAS, 55100 KUALA LUMPUR');
    });

    it('repairs a letter OCR misread in a long business word of the name, and only then', () => {
      expect(sut(receipt('FY EAGLE ENTERFRISE', '(002394711-V)', 'NO. 7, JALAN BESAR,', '45600 BATANG BERJUNTAI')).vendorName?.value).toBe('FY EAGLE ENTERPRISE');
      expect(sut(receipt('Kings Confectidnery', '19, JALAN KANCIL,', '55100 KUALA LUMPUR')).vendorName?.value).toBe('Kings Confectionery');
      expect(sut(receipt('CUSTOM SERVICE TRADERS', '19, JALAN KANCIL,', '55100 KUALA LUMPUR')).vendorName?.value).toBe('CUSTOM SERVICE TRADERS');
    });

    it('does not take a "Company Reg No." line for the name', () => {
      expect(sut(receipt('Company Reg No. 764853', 'ACME TRADING', '19, JALAN KANCIL,', '55100 KUALA LUMPUR')).vendorName?.value).toBe('ACME TRADING');
    });

    it('keeps a branch in parentheses after the legal form in the name, not a registration number', () => {
      const fields = sut(receipt('CHECKERS HYPERMARKET SDN BHD (JALAN KLANG LAMA)', 'LOT 2942 & 2945, JLN SERI SENTOSA 8,', 'SERI SENTOSA, OFF JLN KLANG LAMA,', '58000 KUALA LUMPUR.', 'TEL: 03-1234 5678'));
      expect(fields.vendorName?.value).toBe('CHECKERS HYPERMARKET SDN BHD (JALAN KLANG LAMA)');
      expect(fields.vendorAddress?.value).toBe('LOT 2942 & 2945, JLN SERI SENTOSA 8, SERI SENTOSA, OFF JLN KLANG LAMA, 58000 KUALA LUMPUR.');
      expect(sut(receipt('SUN VICTORY SDN BHD (193573-M)', 'NO. 1, JALAN DUTAMAS 1,', '50480 KUALA LUMPUR.')).vendorName?.value).toBe('SUN VICTORY SDN BHD');
    });

    it('finds the address above a name printed under it', () => {
      const fields = sut(receipt('(Co. No. 113825-W)', 'No 8, Jalan 7/118B, Desa Tun Razak', '56000 Kuala Lumpur, Malaysia', 'SUNWAY VELOCITY', 'Tel : 03-9201 6281'));
      expect(fields.vendorAddress?.value).toBe('No 8, Jalan 7/118B, Desa Tun Razak 56000 Kuala Lumpur, Malaysia');
    });

    it('reads house numbers as an address, a registration number as no postcode, and drops a speck after the town', () => {
      expect(sut(receipt('BOOK TA .K SDN BHD', 'NO.53 55,57 & 59, JALAN SAGU 18,', '81100 JOHOR BAHRU', 'TOTAL 1.00')).vendorAddress?.value).toBe('NO.53 55,57 & 59, JALAN SAGU 18, 81100 JOHOR BAHRU');
      expect(sut(receipt("WATSON'S PERSONAL CARE STORES SDN BHD", 'COMPANY REG NO.: 28982V', 'GST REG NO. 000947339264')).vendorAddress).toBeNull();
      expect(sut(receipt('ACME SDN BHD', 'LOT 18, JALAN KPB 6, KAWASAN BALAKONG,', '43300 SERI KEMBANGAN 5', 'TEL: 012-3456789')).vendorAddress?.value).toBe(
        'LOT 18, JALAN KPB 6, KAWASAN BALAKONG, 43300 SERI KEMBANGAN',
      );
    });

    it('reads "Jin" as "Jln" in an address, and leaves other marks as printed', () => {
      expect(sut(receipt('ACME TRADING', 'No, 5, Jin Besar Kepong,', 'JIN. KUCHAI 52100 KUALA LUMPUR')).vendorAddress?.value).toBe('No, 5, Jln Besar Kepong, JLN. KUCHAI 52100 KUALA LUMPUR');
    });
  });

  describe.each(['X00016469612', 'X51008142030', 'zzz444', 'X51005441401'])('sample receipt %s (ground-truth text)', (id) => {
    const sample = sampleReceipt(id);
    const fields = sut(sample.text);

    it('reads the total and the date', () => {
      expect(Number(fields.total?.value)).toBeCloseTo(Number(sample.truth.total.replace(/[^\d.]/g, '')), 2);
      expect(fields.date?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('reads the vendor', () => {
      expect(fields.vendorName?.value.replace(/\s/g, '')).toBe(sample.truth.company.replace(/\s/g, ''));
    });
  });

  describe('on any input', () => {
    const receiptLike = fc.tuple(fc.array(
      fc.oneof(
        fc.string(),
        fc.constantFrom('TOTAL', 'SUBTOTAL', 'CASH', 'CHANGE', 'GST 6%', 'RM', '€', 'Date:', 'SDN BHD', 'JALAN', '\f', 'ROUNDING'),
        fc.double({ noNaN: true }).map(String),
        fc.tuple(fc.integer({ min: -99, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
        fc.date({ noInvalidDate: true }).map((d) => d.toLocaleDateString('en-GB')),
      ),
      { maxLength: 40 },
    ), fc.constantFrom(' ', '\n')).map(([parts, separator]) => parts.join(separator));

    it('never throws, and returns well-formed fields', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), receiptLike), fc.constantFrom(undefined, 'en-US', 'de-DE', 'xx-invalid'), (text, locale) => {
          const fields = sut(text, { locale });
          const scalars = [fields.vendorName, fields.date, fields.total, fields.subtotal, fields.currency, fields.paymentMethod];
          for (const field of scalars) if (field) expect(field.confidence).toBeGreaterThanOrEqual(0);
          for (const field of scalars) if (field) expect(field.confidence).toBeLessThanOrEqual(1);
          if (fields.date) expect(fields.date.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (fields.total) expect(fields.total.value).toMatch(/^-?\d+(\.\d+)?$/);
        }),
        { numRuns: 300 },
      );
    });

    it('is deterministic', () => {
      fc.assert(fc.property(receiptLike, (text) => expect(sut(text)).toEqual(sut(text))), { numRuns: 100 });
    });

    it('stays fast on long hostile input', () => {
      const started = performance.now();
      sut('1.'.repeat(50_000) + '\n' + 'TOTAL '.repeat(20_000) + '\n' + '0'.repeat(100_000));
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  });
});
