import type { ExtractedFields } from '@irp/contracts';

/** A value read with high confidence. */
export const sure = <T>(value: T) => ({ value, confidence: 0.95 });

/** What the reader extracts from a clear café receipt. */
export function extractedFields(overrides: Partial<ExtractedFields> = {}): ExtractedFields {
  return {
    vendorName: sure('CAFE AURORA'),
    vendorAddress: null,
    vendorPhone: null,
    vendorTaxId: null,
    date: sure('2026-03-14'),
    total: sure('5.99'),
    subtotal: sure('5.30'),
    tip: null,
    currency: sure('EUR'),
    paymentMethod: { value: 'card', confidence: 0.9 },
    cardLast4: sure('1234'),
    documentNumber: null,
    taxLines: [{ label: 'VAT', rate: '13', amount: '0.69', confidence: 0.9 }],
    lineItems: [{ description: 'Espresso', quantity: '2', unitPrice: '1.60', amount: '3.20', confidence: 0.8 }],
    ...overrides,
  };
}
