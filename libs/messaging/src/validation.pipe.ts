import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { parseDto, type DtoClass } from '@irp/contracts';

const UNVALIDATED_TYPES: unknown[] = [Object, String, Number, Boolean, Array];

/**
 * Validates HTTP bodies, query strings and NATS payloads (these reach pipes as 'body') against
 * their DTO class from libs/contracts. Unknown fields are rejected, not ignored.
 */
@Injectable()
export class DtoValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype } = metadata;
    if ((metadata.type !== 'body' && metadata.type !== 'query') || !metatype || UNVALIDATED_TYPES.includes(metatype)) return value;
    return parseDto(metatype as DtoClass<object>, value ?? {});
  }
}
