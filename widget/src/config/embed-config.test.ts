import { describe, expect, it } from 'vitest';
import { mergeContext, parseSteps, readEmbedConfig, socketOrigin } from './embed-config.js';

const attrs = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('readEmbedConfig', () => {
  it('takes the API origin from the script URL and the page from the location', () => {
    const config = readEmbedConfig('https://centraal.example/widget.js?v=2', attrs({ 'data-line': 'ln_bankzuid' }), '/hulp/kaart');
    expect(config).toEqual({ origin: 'https://centraal.example', lineId: 'ln_bankzuid', context: { page: '/hulp/kaart' } });
  });

  it('reads language, steps and a signed customer reference', () => {
    const config = readEmbedConfig(
      'https://centraal.example/widget.js',
      attrs({ 'data-line': 'ln_bankzuid', 'data-language': 'FR', 'data-self-service-steps': '["FAQ gelezen"]', 'data-customer-ref': 'K-1', 'data-customer-ref-signature': 'ab12', 'data-context-page': '/x' }),
      '/ignored',
    );
    expect(config?.language).toBe('fr');
    expect(config?.context).toEqual({ page: '/x', selfServiceSteps: ['FAQ gelezen'], customerRef: 'K-1', customerRefSignature: 'ab12' });
  });

  it('stays away without data-line', () => {
    expect(readEmbedConfig('https://centraal.example/widget.js', attrs({}), '/')).toBeUndefined();
  });
});

describe('parseSteps', () => {
  it('drops what is not a JSON array of strings', () => {
    expect(parseSteps('not json')).toEqual([]);
    expect(parseSteps('{"a":1}')).toEqual([]);
    expect(parseSteps('["a", 3, "", "b"]')).toEqual(['a', 'b']);
  });
});

describe('mergeContext', () => {
  it('keeps only well-typed fields from setContext', () => {
    expect(mergeContext({ page: '/a' }, { page: '/b', customerRef: 5, selfServiceSteps: ['x'] })).toEqual({ page: '/b', selfServiceSteps: ['x'] });
  });
});

describe('socketOrigin', () => {
  it('maps http to ws and https to wss', () => {
    expect(socketOrigin('https://centraal.example')).toBe('wss://centraal.example');
    expect(socketOrigin('http://localhost:3202')).toBe('ws://localhost:3202');
  });
});
