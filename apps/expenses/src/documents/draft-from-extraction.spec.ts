import { extractedFields, sure } from '../../test/factories/extraction.factory';
import { draftFromExtraction } from './draft-from-extraction';

const fields = extractedFields;

const fallback = { currency: 'USD', date: '2026-11-24' };

describe(draftFromExtraction.name, () => {
  it('files what was read with confidence, without review', () => {
    const sut = draftFromExtraction(fields(), fallback);
    expect(sut.reviewReasons).toEqual([]);
    expect(sut.body).toMatchObject({ vendor: 'CAFE AURORA', date: '2026-03-14', amount: '5.99', currency: 'EUR', category: 'meals', subtotal: '5.30', cardLast4: '1234' });
    expect(sut.body.taxLines).toEqual([{ label: 'VAT', rate: '13', amount: '0.69' }]);
    expect(sut.extracted).toMatchObject({ vendor: 'CAFE AURORA', amount: '5.99' });
  });

  it('falls back and asks for review when key fields are missing or doubtful', () => {
    const sut = draftFromExtraction(fields({ vendorName: null, date: { value: '2026-02-30', confidence: 0.9 }, total: null, currency: null }), fallback);
    expect(sut.body).toMatchObject({ vendor: 'Unknown vendor', date: '2026-11-24', amount: '0', currency: 'USD' });
    expect(sut.reviewReasons.sort()).toEqual(['currency not found', 'date not found', 'total not found', 'vendor not found']);
  });

  it('reviews low-confidence values but keeps them', () => {
    const sut = draftFromExtraction(fields({ total: { value: '5.99', confidence: 0.3 } }), fallback);
    expect(sut.body.amount).toBe('5.99');
    expect(sut.reviewReasons).toEqual(['total uncertain']);
  });

  it('drops amounts that do not fit the currency rather than failing', () => {
    const sut = draftFromExtraction(fields({ currency: sure('JPY'), total: sure('1500'), subtotal: sure('12.345'), taxLines: [{ label: 'TAX', rate: '8', amount: '0.5', confidence: 1 }] }), fallback);
    expect(sut.body).toMatchObject({ amount: '1500', currency: 'JPY', subtotal: undefined, taxLines: [] });
  });
});
