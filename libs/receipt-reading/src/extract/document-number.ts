import type { ExtractedText } from '@irp/contracts';
import type { DocumentLine } from './document-lines';

/** Labels of the document's own number, strongest first. */
const LABELS: ReadonlyArray<[RegExp, number]> = [
  [/\b(?:TAX\s)?INVOICE\s?(?:NO|NUMBER|NUM|#)\.?|\bINV\.?\s?(?:NO|#)\.?|\bRECEIPT\s?(?:NO|NUMBER|#)\.?|\bRECEIPT#|\bRECHNUNGS?-?(?:NR|NUMMER)\.?|\bFACTURE\s?(?:N°|NO)\.?|\bFACTURA\s?(?:N°|NO|NÚM)\.?/gi, 0.9],
  [/\b(?:BILL|DOC(?:UMENT)?|SLIP|TRANS(?:ACTION)?|TXN|TICKET|CHECK|CHK|ORDER|REF(?:ERENCE)?|SALES?)\s?(?:NO|NUMBER|NUM|#|ID)\.?|\bBILL#|\bORDER#/gi, 0.7],
  [/^(?:NO|#)\.?(?=\s?[:#]?\s?[A-Z]{0,4}\d)/gi, 0.5],
];
const VALUE = /^\s*[:#.=-]?\s*([A-Z]{0,6}[-/]?\d[A-Z\d/-]{1,24})/i;

/** The invoice or receipt number: the value after a label like "INVOICE NO", "RECEIPT #", "BILL NO". */
export function findDocumentNumber(lines: readonly DocumentLine[]): ExtractedText | null {
  for (const [label, confidence] of LABELS) {
    for (const line of lines) {
      for (const match of line.text.matchAll(label)) {
        const value = VALUE.exec(line.text.slice(match.index + match[0].length))?.[1];
        if (value && /\d{2,}/.test(value) && !/^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$/.test(value)) {
          return { value: value.replace(/[-/]+$/, ''), confidence };
        }
      }
    }
  }
  return null;
}
