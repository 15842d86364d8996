/**
 * The custom metadata (`metadata_props`) of an ONNX model, read from the file's protobuf without
 * parsing the graph: onnxruntime-node does not expose it, and PaddleOCR's converters keep the
 * recogniser's character dictionary there.
 */
export function onnxMetadata(model: Uint8Array): Map<string, string> {
  const metadata = new Map<string, string>();
  for (const field of protobufFields(model)) {
    if (field.number !== METADATA_PROPS || !field.bytes) continue;
    let key = '';
    let value = '';
    for (const entry of protobufFields(field.bytes)) {
      if (entry.number === 1 && entry.bytes) key = decoder.decode(entry.bytes);
      if (entry.number === 2 && entry.bytes) value = decoder.decode(entry.bytes);
    }
    metadata.set(key, value);
  }
  return metadata;
}

/**
 * The recogniser's output classes: CTC's blank (index 0), the model's characters (one a line in
 * its `character` metadata), then the space PaddleOCR appends when trained with spaces.
 */
export function recognitionDictionary(model: Uint8Array, classes: number): string[] {
  const characters = onnxMetadata(model).get('character');
  if (characters === undefined) throw new Error('the recognition model has no "character" metadata');
  const lines = characters.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const dictionary = ['', ...lines];
  if (dictionary.length === classes - 1) dictionary.push(' ');
  if (dictionary.length !== classes) throw new Error(`the model has ${classes} classes but its dictionary ${dictionary.length} characters`);
  return dictionary;
}

/** ModelProto field 14: repeated StringStringEntryProto { key = 1; value = 2 }. */
const METADATA_PROPS = 14;
const decoder = new TextDecoder();

interface ProtobufField {
  number: number;
  /** Length-delimited fields only. */
  bytes?: Uint8Array;
}

/** The top-level fields of a protobuf message (wire types 0, 1, 2, 5). */
function* protobufFields(buffer: Uint8Array): Generator<ProtobufField> {
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let factor = 1;
    for (;;) {
      if (offset >= buffer.length) throw new Error('truncated protobuf');
      const byte = buffer[offset++];
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
      factor *= 128;
    }
  };
  while (offset < buffer.length) {
    const tag = varint();
    const number = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 0) varint();
    else if (wireType === 1) offset += 8;
    else if (wireType === 5) offset += 4;
    else if (wireType === 2) {
      const length = varint();
      if (offset + length > buffer.length) throw new Error('truncated protobuf');
      yield { number, bytes: buffer.subarray(offset, offset + length) };
      offset += length;
      continue;
    } else throw new Error(`unsupported protobuf wire type ${wireType}`);
    yield { number };
  }
}
