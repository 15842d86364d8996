import { IsInt, IsString, Max, Min, ValidateBy } from 'class-validator';
import { dtoJsonSchemas } from './json-schemas';
import { Nullable } from './nullable';
import { IsDecimalAmount } from './validators';

class Example {
  @Nullable()
  @IsDecimalAmount()
  tip!: string | null;

  @Nullable({ optional: true })
  @IsString()
  notes?: string | null;

  // A rule the generator knows nothing of, on a union type (design type Object).
  @Nullable()
  @ValidateBy({ name: 'somethingNew', validator: { validate: () => true } })
  label!: string | null;

  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @IsInt()
  @Min(1)
  version!: number;
}

describe(dtoJsonSchemas.name, () => {
  const sut = dtoJsonSchemas('#/components/schemas/')[Example.name] as { properties: Record<string, unknown>; required: string[] };

  it('types @Nullable() fields as T | null; required unless optional', () => {
    expect(sut.properties.tip).toEqual({ type: ['string', 'null'], pattern: '^\\d{1,15}(\\.\\d{1,4})?$', maxLength: 20, description: expect.any(String) });
    expect(sut.properties.notes).toEqual({ type: ['string', 'null'] });
    expect(sut.required).toEqual(['tip', 'label', 'percent', 'version']);
  });

  it('never refers to a schema named Object for a rule it does not know', () => {
    expect(JSON.stringify(sut)).not.toContain('Object');
    expect(sut.properties.label).toEqual({});
  });

  it('gives integers the OpenAPI format their bounds allow', () => {
    expect(sut.properties.percent).toMatchObject({ type: 'integer', format: 'int32' });
    expect(sut.properties.version).toMatchObject({ type: 'integer', format: 'int64' });
  });
});
