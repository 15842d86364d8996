import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsNumber, IsString, Max, Min, ValidateNested } from 'class-validator';
import { PAYMENT_METHODS, type PaymentMethod } from '../expenses/payment-method';
import { Nullable } from '../nullable';

/** How sure the extractor is of a value: 0 (a guess) to 1 (certain). */
class Confidence {
  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;
}

export class ExtractedText extends Confidence {
  @IsString()
  value!: string;
}

/** A calendar date, YYYY-MM-DD. */
export class ExtractedDate extends Confidence {
  @IsString()
  value!: string;
}

/** A decimal amount as a string ("12.34"), in `currency` of the extraction. */
export class ExtractedAmount extends Confidence {
  @IsString()
  value!: string;
}

export class ExtractedPaymentMethod extends Confidence {
  @IsIn(PAYMENT_METHODS)
  value!: PaymentMethod;
}

export class ExtractedTaxLine extends Confidence {
  /** GST, VAT, SST, sales tax, ... as printed. */
  @IsString()
  label!: string;

  /** Percent as a decimal string, when printed. */
  @Nullable()
  @IsString()
  rate!: string | null;

  @IsString()
  amount!: string;
}

export class ExtractedLineItem extends Confidence {
  @IsString()
  description!: string;

  @Nullable()
  @IsString()
  quantity!: string | null;

  @Nullable()
  @IsString()
  unitPrice!: string | null;

  @Nullable()
  @IsString()
  amount!: string | null;
}

/** Every field a receipt or invoice may yield; null when not found. */
export class ExtractedFields {
  @Nullable() @ValidateNested() @Type(() => ExtractedText) vendorName!: ExtractedText | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedText) vendorAddress!: ExtractedText | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedText) vendorPhone!: ExtractedText | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedText) vendorTaxId!: ExtractedText | null;
  /** The document's date; with none legible on a photo, the day its EXIF says it was taken (confidence 0.3). */
  @Nullable() @ValidateNested() @Type(() => ExtractedDate) date!: ExtractedDate | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedAmount) total!: ExtractedAmount | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedAmount) subtotal!: ExtractedAmount | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedAmount) tip!: ExtractedAmount | null;
  /** ISO 4217 code. */
  @Nullable() @ValidateNested() @Type(() => ExtractedText) currency!: ExtractedText | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedPaymentMethod) paymentMethod!: ExtractedPaymentMethod | null;
  @Nullable() @ValidateNested() @Type(() => ExtractedText) cardLast4!: ExtractedText | null;
  /** Invoice or receipt number. */
  @Nullable() @ValidateNested() @Type(() => ExtractedText) documentNumber!: ExtractedText | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExtractedTaxLine)
  taxLines!: ExtractedTaxLine[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExtractedLineItem)
  lineItems!: ExtractedLineItem[];
}

/** What reading one document produced. */
export class Extraction {
  @ValidateNested()
  @Type(() => ExtractedFields)
  fields!: ExtractedFields;

  /** The full text read (text layer or OCR), pages separated by form feeds. */
  @IsString()
  text!: string;

  @IsInt()
  @Min(1)
  pages!: number;

  /** Where the text came from: a PDF text layer, OCR, both (a PDF with scanned pages), or a mail body's own text. */
  @IsIn(['pdf-text', 'ocr', 'mixed', 'text'])
  source!: 'pdf-text' | 'ocr' | 'mixed' | 'text';

  @IsInt()
  @Min(0)
  durationMs!: number;
}
