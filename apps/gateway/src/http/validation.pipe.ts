import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { parseDto, type DtoClass } from '@irp/contracts';

const UNVALIDATED_TYPES: unknown[] = [Object, String, Number, Boolean, Array];

/**
 * Validates request bodies against their DTO class from libs/contracts: the same rules the owning
 * service applies, checked once more at the edge. Unknown fields are rejected, not ignored.
 */
@Injectable()
export class BodyValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype } = metadata;
    if (metadata.type !== 'body' || !metatype || UNVALIDATED_TYPES.includes(metatype)) return value;
    return parseDto(metatype as DtoClass<object>, value ?? {});
  }
}
