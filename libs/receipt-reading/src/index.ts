export { DocumentReader, type DocumentReaderOptions } from './reader/document-reader';
export type { ReadLimits, ReadOptions } from './reader/read-options';
export { extractFields, type ExtractOptions } from './extract/extract-fields';
export { UnreadableDocumentError, type UnreadableReason } from './unreadable-document.error';
