// Request validation with one Ajv per kind of input. Querystrings, URL params and headers arrive as text
// (`?limit=20`), so their Ajv coerces to the schema's types; JSON bodies already carry types, so their Ajv does
// not: `{"name": 123}` for a text field or `{"version": "1"}` for an integer is a 400 naming the field, never a
// value silently turned into something the client did not send.
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;
type AjvServerOptions = NonNullable<FastifyServerOptions['ajv']>;
/** What Fastify passes when it compiles one route part's schema (the typings only name `schema`). */
interface RoutePart {
  schema: unknown;
  method: string;
  url: string;
  httpPart: 'body' | 'querystring' | 'params' | 'headers';
}
type Compile = (part: RoutePart) => unknown;

/**
 * Ajv options shared by both instances (Fastify's defaults also apply: useDefaults, ajv-formats, fast-uri):
 * unknown properties are refused rather than dropped, and validation stops at the first error (allErrors
 * invites DoS on large bodies).
 */
export const AJV_OPTIONS: AjvServerOptions = { customOptions: { removeAdditional: false, allErrors: false } };

/** Fastify's validator factory with a strict (non-coercing) Ajv for bodies and a coercing one for the rest. */
export function partAwareValidator(): ValidatorFactory {
  const pool = AjvCompiler();
  type PoolOptions = Exclude<Parameters<typeof pool>[1], { mode: 'JTD' } | undefined>;
  const factory = (externalSchemas: Parameters<typeof pool>[0], options?: PoolOptions) => {
    const custom = { ...options?.customOptions };
    // 'array' also turns a single `?kind=x` into ['x'] where a schema expects a list
    const coercing = pool(externalSchemas, { ...options, customOptions: { ...custom, coerceTypes: 'array' } });
    const strict = pool(externalSchemas, { ...options, customOptions: { ...custom, coerceTypes: false } });
    const compile: Compile = (part) => ((part.httpPart === 'body' ? strict : coercing) as unknown as Compile)(part);
    return compile;
  };
  return factory as unknown as ValidatorFactory;
}
