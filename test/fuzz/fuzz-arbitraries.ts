import fc from 'fast-check';

/**
 * Building blocks for fuzzing public inputs: strings that have broken parsers elsewhere,
 * malformed JSON, prototype-pollution keys, path garbage, wrong content types.
 */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\uFEFF',
  'Z\u0351\u0361\u0364a\u0315lgo',
  '🏳️‍🌈👩🏽‍💻',
  'ﷺ',
  '𝕿𝖊𝖘𝖙',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '../../../../etc/passwd',
  '..%2f..%2f',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '%s%s%s%n',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '0x7fffffff',
  '9007199254740993',
  'Ω'.repeat(3000),
  'a'.repeat(70_000),
];

/** Percent-encodes any string; lone surrogates (not encodable) become U+FFFD first. */
export const encode = (s: string): string => encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** A JSON value of any kind, including ones that are the wrong type for every field. */
export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, [], {}) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom({ __proto__: { polluted: 1 } }, JSON.parse('{"__proto__":{"polluted":1}}') as unknown, { constructor: { prototype: { polluted: 1 } } }) },
);

/**
 * An object close to a valid body: sometimes exactly valid (so the request reaches the use case),
 * often valid but for one field (weird value or missing), sometimes every field in doubt plus extra
 * keys (prototype-pollution names among them).
 */
export function mutatedObject(template: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(template);
  const valid = fc.record(template);
  const oneOff = fc.tuple(valid, fc.constantFrom(...keys), weirdValue, fc.boolean()).map(([object, key, value, drop]) => {
    const copy: Record<string, unknown> = { ...object };
    if (drop) delete copy[key];
    else copy[key] = value;
    return copy;
  });
  const fields = Object.fromEntries(keys.map((key) => [key, fc.oneof({ weight: 3, arbitrary: template[key]! }, { weight: 1, arbitrary: weirdValue })]));
  const chaos = fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })), weirdValue, { maxKeys: 3 }), { freq: 3 }))
    .map(([object, extra]) => ({ ...object, ...(extra ?? {}) }));
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: oneOff }, { weight: 2, arbitrary: chaos });
}

const MALFORMED_JSON = [
  '{',
  '}',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '\u0000',
  '{"a":"\\uD800"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1}{"b":2}',
  '[]',
  '""',
  '123',
  'null',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"text":"${'x'.repeat(300_000)}"}`,
];

/** A request body: mostly JSON of the (mutated) object, sometimes broken JSON or raw JSON of anything. */
export function jsonPayload(object: fc.Arbitrary<unknown>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: object.map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_JSON) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/xml',
      'application/octet-stream',
      '*/*',
      'application/json, text/plain',
      'garbage/;;;',
    ),
  },
);

/** A path segment: a known id most of the time, otherwise garbage (encoded, or raw percent junk). */
export function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  const garbage = fc.oneof(
    { weight: 4, arbitrary: nastyString.map((s) => encode(s.slice(0, 2000))) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '..', '.', '%C0%AF', '%25', '%F0%9F%98', '%ED%A0%80', '%FF%FE') },
  );
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known).map(encode) }, { weight: 2, arbitrary: garbage }) : garbage;
}

/** A query string of known and unknown keys with weird values. */
export function queryString(keys: readonly string[]): fc.Arbitrary<string> {
  return fc
    .dictionary(fc.oneof(fc.constantFrom(...keys, ...PROTOTYPE_KEYS), fc.string({ maxLength: 8 })), fc.oneof(nastyString, fc.integer().map(String)), { maxKeys: 4 })
    .map((q) => {
      const entries = Object.entries(q);
      return entries.length ? `?${entries.map(([k, v]) => `${encode(k)}=${encode(v.slice(0, 2000))}`).join('&')}` : '';
    });
}
