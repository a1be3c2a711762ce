import { describe, expect, it } from 'vitest';
import { validateIvrFlow } from '../../core/ivr/index.js';
import { demoIvrFlows } from './demo-ivr.seed.js';

describe('demo IVR flows', () => {
  it('validate against their lines\' queues', () => {
    const queues: Record<string, string[]> = { ln_kinderlijn: ['qu_kinderlijn'], ln_bankzuid: ['qu_bank', 'qu_bank_kaart'] };
    const languages: Record<string, Array<'nl' | 'fr' | 'en'>> = { ln_kinderlijn: ['nl'], ln_bankzuid: ['nl', 'fr', 'en'] };
    for (const { lineId, flow } of demoIvrFlows({ kinderlijn: 'ln_kinderlijn', bank: 'ln_bankzuid' })) {
      const result = validateIvrFlow(flow, { queueIds: queues[lineId] ?? [], lineLanguages: languages[lineId] ?? [] });
      expect(result.ok ? [] : result.problems, lineId).toEqual([]);
    }
  });
});
