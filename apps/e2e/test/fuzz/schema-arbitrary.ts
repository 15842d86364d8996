import fc, { type Arbitrary } from 'fast-check';

/** The part of JSON Schema (as in an OpenAPI 3 document) the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
}

/** Text a well-behaved client would rarely send, and a hostile one would. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u200f\u202eright-to-left\u202c',
  '😀'.repeat(300),
  'x'.repeat(100_000),
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(400),
  '0.000000001',
  '2026-02-30',
  '0000-00-00',
  '\r\n\tcontrol\u0007\u001b',
  '<script>alert(1)</script>',
];

const HOSTILE_NUMBERS = [-1, 0, 1.5, -0.5, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER];

/** Values of the wrong shape for almost any field. */
export const hostileValue: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [[]], [null], { nested: { deeper: [1, 'two', null] } }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value for `schema`, mostly valid, sometimes hostile (`hostility` of the time at each level). */
export function arbitraryFor(schema: Schema, components: Record<string, Schema>, hostility = 0.15, depth = 0): Arbitrary<unknown> {
  const valid = validFor(schema, components, hostility, depth);
  const weight = Math.round(hostility * 100);
  return weight > 0 ? fc.oneof({ arbitrary: valid, weight: 100 - weight }, { arbitrary: hostileValue, weight }) : valid;
}

function validFor(schema: Schema, components: Record<string, Schema>, hostility: number, depth: number): Arbitrary<unknown> {
  if (schema.$ref) return arbitraryFor(resolve(schema.$ref, components), components, hostility, depth);
  const alternatives = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((alternative) => arbitraryFor(alternative, components, hostility, depth)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (depth > 6) return fc.constant(null);
  switch (schema.type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}, components, hostility, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 25) });
    case 'object':
    case undefined:
      if (!schema.properties) return fc.jsonValue({ maxDepth: 2 });
      return objectFor(schema, components, hostility, depth);
    default:
      return hostileValue;
  }
}

function stringFor(schema: Schema): Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 300), unit: 'grapheme' });
}

/**
 * Where the document says only "string", plausible values for well-known fields, so that more
 * requests pass validation and carry the hostile values of their other fields into the database.
 */
const FIELD_HINTS: Record<string, Arbitrary<unknown>> = {
  date: fc.date({ min: new Date('1899-12-01'), max: new Date('2101-01-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  amount: fc.oneof(
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 99_999 }), fc.nat({ max: 99 })).map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`), weight: 6 },
    { arbitrary: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String), fc.constantFrom('0', '0.001', '1.234', '99999999999999.99')), weight: 1 },
  ),
  currency: fc.oneof({ arbitrary: fc.constantFrom('EUR', 'USD', 'JPY', 'BHD'), weight: 6 }, { arbitrary: fc.constantFrom('XXX', 'eur', 'ZZZ', 'EU'), weight: 1 }),
  email: fc.emailAddress(),
  category: fc.constantFrom('meals', 'travel', 'other', 'fuzzed'),
};
const HINTED: Record<string, keyof typeof FIELD_HINTS> = {
  date: 'date', from: 'date', to: 'date',
  amount: 'amount', subtotal: 'amount', tip: 'amount', base: 'amount', minAmount: 'amount', maxAmount: 'amount',
  currency: 'currency', baseCurrency: 'currency',
  email: 'email', category: 'category',
};

/** A field's value: a hint (when it has one) or the schema, a hostile value now and then either way. */
export function fieldArbitrary(name: string, schema: Schema, components: Record<string, Schema>, hostility: number, depth: number): Arbitrary<unknown> {
  const fromSchema = arbitraryFor(schema, components, hostility, depth);
  const hint = HINTED[name];
  return hint ? fc.oneof({ arbitrary: FIELD_HINTS[hint], weight: 9 }, { arbitrary: fromSchema, weight: 1 }) : fromSchema;
}

function objectFor(schema: Schema, components: Record<string, Schema>, hostility: number, depth: number): Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, fieldArbitrary(key, property, components, hostility, depth + 1)]));
  const required = (schema.required ?? []).filter((key) => key in properties);
  if (hostility === 0) {
    // The required fields and a few optional ones: with every optional field, few bodies would pass.
    const optional = Object.keys(properties).filter((key) => !required.includes(key));
    return fc.tuple(fc.record(model), fc.subarray(optional, { maxLength: Math.min(3, optional.length) })).map(([full, chosen]) =>
      Object.fromEntries(Object.entries(full).filter(([key]) => required.includes(key) || chosen.includes(key))),
    );
  }
  const record = fc.record(model, { requiredKeys: required });
  // Now and then an unknown property too: it must be refused, not stored.
  return fc.tuple(record, fc.option(fc.tuple(fc.string({ maxLength: 20 }), hostileValue), { freq: 8 })).map(([value, extra]) =>
    extra ? { ...value, [extra[0]]: extra[1] } : value,
  );
}

function resolve(ref: string, components: Record<string, Schema>): Schema {
  const name = ref.replace('#/components/schemas/', '');
  // An unresolvable reference (the document has had some) is fuzzed as "anything".
  return components[name] ?? {};
}
