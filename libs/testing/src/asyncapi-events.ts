import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface AsyncApiDocument {
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
}

/**
 * Checks messages taken off the bus against the payload schemas of the committed AsyncAPI document
 * (libs/contracts/asyncapi.json): what subscribers are promised is what is published.
 */
export class AsyncApiPayloads {
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: AsyncApiDocument = AsyncApiPayloads.committed()) {
    // The whole document is one schema resource, so the payloads' `#/components/schemas/…` refs resolve.
    this.ajv.addSchema(document as object, 'asyncapi');
  }

  static committed(): AsyncApiDocument {
    return JSON.parse(readFileSync(path.resolve(__dirname, '../../contracts/asyncapi.json'), 'utf8')) as AsyncApiDocument;
  }

  /** The schema errors of a payload published on this subject; empty when it conforms. */
  errors(subject: string, payload: unknown): string[] {
    const validate = this.validatorFor(subject);
    return validate(payload) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(payload)'} ${error.message ?? 'is invalid'}`);
  }

  private validatorFor(subject: string): ValidateFunction {
    const known = this.validators.get(subject);
    if (known) return known;
    const entry = Object.entries(this.document.channels).find(([, channel]) => channel.address === subject);
    if (!entry) throw new Error(`the AsyncAPI document has no channel for ${subject}`);
    const message = Object.values(entry[1].messages)[0].$ref.replace(/^#/, '');
    const validate = this.ajv.compile({ $ref: `asyncapi#${message}/payload` });
    this.validators.set(subject, validate);
    return validate;
  }
}
