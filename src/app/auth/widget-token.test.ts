import { describe, expect, it } from 'vitest';
import { conversationIdOfToken, signWidgetToken, verifyWidgetToken } from './widget-token.js';

describe('widget tokens', () => {
  it('verifies a token for its own conversation', () => {
    const token = signWidgetToken('s3cret', 'cv_123');
    expect(conversationIdOfToken(token)).toBe('cv_123');
    expect(verifyWidgetToken('s3cret', token)).toBe(true);
  });

  it('rejects a token whose conversation id was swapped', () => {
    const token = signWidgetToken('s3cret', 'cv_123');
    const forged = `cv_124.${token.split('.')[1]}`;
    expect(verifyWidgetToken('s3cret', forged)).toBe(false);
  });

  it('rejects a token signed by another tenant and garbage', () => {
    expect(verifyWidgetToken('other', signWidgetToken('s3cret', 'cv_1'))).toBe(false);
    expect(verifyWidgetToken('s3cret', 'nonsense')).toBe(false);
  });
});
