export { DocumentReader, type DocumentReaderOptions } from './reader/document-reader';
export type { ReadLimits, ReadOptions } from './reader/read-options';
export { extractFields, type ExtractOptions } from './extract/extract-fields';
export { UnreadableDocumentError, type UnreadableReason } from './unreadable-document.error';
export { ENGINE_SETTINGS, isEngineSetting, DEFAULT_ENGINE_SETTING, type EngineSetting } from './reader/engine-setting';
