import { BadRequestException } from '@nestjs/common';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';
import { MAX_INPUT_DEPTH } from '@irp/contracts';

/**
 * How deep the arrays and objects of a JSON text nest, counted without parsing it (strings are
 * skipped, escapes included), stopping as soon as `limit` is passed.
 */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return false;
}

/**
 * The gateway's application/json parser: Fastify's own (secure-json-parse, refusing __proto__
 * and constructor.prototype keys), behind a nesting limit checked on the raw text, so a body
 * nested thousands deep is a 400 before anything recurses over it.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestingExceeds(text, MAX_INPUT_DEPTH)) {
      done(new BadRequestException(`the JSON body is nested deeper than ${MAX_INPUT_DEPTH} levels`), undefined);
      return;
    }
    void parseJson(request, text, done);
  };
}
