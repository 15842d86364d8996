import { blobStoreProvider } from '@irp/blob-store';
import { TAX_REPORTS_BUCKET } from '@irp/contracts';

/** The bucket the tax service writes report files into; the gateway streams them out. */
export const TAX_REPORTS_STORE = Symbol('TAX_REPORTS_STORE');

export const taxReportsStoreProvider = blobStoreProvider(TAX_REPORTS_STORE, TAX_REPORTS_BUCKET);
