import path from 'node:path';

/** Twelve real scanned receipts with ground truth (SROIE, CC BY 4.0): `<ID>.jpg`, `<ID>.json`, `<ID>.box.txt`. */
export const SAMPLE_RECEIPTS_DIR = path.resolve(__dirname, '../fixtures/sroie');
