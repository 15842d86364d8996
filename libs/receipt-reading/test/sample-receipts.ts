import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.join(__dirname, 'fixtures');

export interface SampleReceipt {
  id: string;
  truth: { company: string; date: string; address: string; total: string };
  /** The OCR ground truth as rows of text, top to bottom, each row left to right. */
  text: string;
}

export function sampleReceipt(id: string): SampleReceipt {
  const truth = JSON.parse(readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8')) as SampleReceipt['truth'];
  return { id, truth, text: boxesToRows(readFileSync(path.join(FIXTURES, `${id}.box.txt`), 'utf8')) };
}

export function sampleImage(id: string): Buffer {
  return readFileSync(path.join(FIXTURES, `${id}.jpg`));
}

function boxesToRows(boxText: string): string {
  const boxes = boxText
    .split(/\r?\n/)
    .map((line) => line.split(','))
    .filter((parts) => parts.length >= 9)
    .map((parts) => ({ left: Number(parts[0]), top: Number(parts[1]), bottom: Number(parts[5]), text: parts.slice(8).join(',') }))
    .sort((a, b) => a.top - b.top);
  const rows: (typeof boxes)[] = [];
  for (const box of boxes) {
    const middle = (box.top + box.bottom) / 2;
    const row = rows.find((r) => middle > r[0].top && middle < r[0].bottom);
    if (row) row.push(box);
    else rows.push([box]);
  }
  return rows.map((row) => row.sort((a, b) => a.left - b.left).map((box) => box.text).join(' ')).join('\n');
}
