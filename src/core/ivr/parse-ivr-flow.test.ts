import { describe, expect, it } from 'vitest';
import { IVR_PROBLEM_CODES, IvrFlowError, parseIvrFlow, validateIvrFlow, type IvrFlowProblem } from './index.js';
import { fullFlow } from './ivr.test-kit.js';

type Nodes = Record<string, Record<string, unknown>>;
function withNodes(change: (nodes: Nodes) => void, top: Record<string, unknown> = {}): Record<string, unknown> {
  const flow = fullFlow();
  change(flow.nodes as Nodes);
  return { ...flow, ...top };
}
function problems(input: unknown, queueIds?: string[]): string[] {
  const result = validateIvrFlow(input, queueIds ? { queueIds } : {});
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('parseIvrFlow', () => {
  it('accepts a flow with every node type and fills the defaults', () => {
    const flow = parseIvrFlow(fullFlow(), { queueIds: ['q_default', 'q_cards'] });
    const main = flow.nodes.main;
    expect(main?.type === 'menu' && main.timeoutSeconds).toBe(5);
    expect(Object.isFrozen(flow.nodes)).toBe(true);
  });

  it('names every unknown node id with the field that refers to it', () => {
    const input = withNodes((n) => {
      (n.main as { choices: Record<string, string> }).choices['4'] = 'nowhere';
      (n.account as { fallback: string }).fallback = 'gone';
    }, { start: 'welcome' });
    expect(problems(input)).toEqual(expect.arrayContaining(['nodes.main.choices.4: unknown node id "nowhere"', 'nodes.account.fallback: unknown node id "gone"']));
    expect(problems({ ...fullFlow(), start: 'missing' })).toContain('start: unknown node id "missing"');
  });

  it('names unreachable nodes', () => {
    const input = withNodes((n) => {
      n.orphan = { type: 'hangup' };
    });
    expect(problems(input)).toEqual(['nodes.orphan: unreachable from start "welcome"']);
  });

  it('refuses a loop without caller input but allows a loop through a menu', () => {
    const loop = withNodes((n) => {
      n.a = { type: 'message', prompt: { nl: 'a', fr: 'a', en: 'a' }, next: 'b' };
      n.b = { type: 'set', priority: 1, next: 'a' };
      (n.main as { choices: Record<string, string> }).choices['9'] = 'a';
    });
    expect(problems(loop)).toEqual(['nodes.a: loop without caller input: a → b → a']);
    const backToMenu = withNodes((n) => {
      n.again = { type: 'message', prompt: { nl: 'Opnieuw.', fr: 'Encore.', en: 'Again.' }, next: 'main' };
      (n.main as { choices: Record<string, string> }).choices['9'] = 'again';
    });
    expect(problems(backToMenu)).toEqual([]);
  });

  it('names each prompt that misses one of the flow languages', () => {
    const input = withNodes((n) => {
      n.welcome = { type: 'message', prompt: { nl: 'Welkom.' }, next: 'lang' };
      (n.closedMsg as { prompt: { audio: Record<string, string> } }).prompt.audio = { nl: 'https://audio.example/x.mp3', en: 'https://audio.example/y.mp3' };
    });
    expect(problems(input)).toEqual(['nodes.welcome.prompt: prompt missing in fr, en', 'nodes.closedMsg.prompt: prompt missing in fr']);
    expect(problems({ ...input, languages: ['nl'], nodes: { welcome: { type: 'hangup', prompt: { nl: 'Dag.' } } } })).toEqual([]);
  });

  it('checks languages, lengths, variables and queues', () => {
    const input = withNodes((n) => {
      (n.lang as { choices: Record<string, string> }).choices['4'] = 'en';
      (n.account as { minLength: number }).minLength = 9;
      (n.callback as { numberVariable?: string }).numberVariable = 'phone';
    }, { languages: ['nl', 'fr'], defaultLanguage: 'en' });
    const found = problems(input, ['q_default']);
    expect(found).toEqual(
      expect.arrayContaining([
        'defaultLanguage: "en" is not one of the flow\'s languages (nl, fr)',
        'nodes.lang.choices.3: "en" is not one of the flow\'s languages',
        'nodes.account.minLength: minLength 9 is more than maxLength 8',
        'nodes.callback.numberVariable: no collect node sets "phone"',
        'nodes.cardsQueue.queueId: unknown queue "q_cards" on this line',
      ]),
    );
  });

  it('reports schema problems with their path and throws IVR_FLOW_INVALID', () => {
    const input = withNodes((n) => {
      n.main = { type: 'menu', prompt: { nl: 'x', fr: 'x', en: 'x' }, choices: { '12': 'general' }, fallback: 'general' };
      n.fraudLine = { type: 'transfer', number: '0470 12 34 56' };
      n.weird = { type: 'teleport' };
    });
    const found = problems(input);
    expect(found.some((p) => p.startsWith('nodes.main.choices'))).toBe(true);
    expect(found.some((p) => p.startsWith('nodes.fraudLine.number') && p.includes('E.164'))).toBe(true);
    expect(found.some((p) => p.startsWith('nodes.weird.type'))).toBe(true);
    try {
      parseIvrFlow(input);
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(IvrFlowError);
      expect((error as IvrFlowError).code).toBe('IVR_FLOW_INVALID');
      expect((error as IvrFlowError).status).toBe(400);
      expect((error as IvrFlowError).problems.length).toBe(found.length);
    }
  });

  it('refuses languages the line does not offer', () => {
    expect(validateIvrFlow(fullFlow(), { lineLanguages: ['nl', 'fr'] })).toEqual({
      ok: false,
      problems: [{ path: 'languages', code: 'language_not_offered', params: { languages: 'en' }, message: 'the line does not offer en' }],
    });
    expect(validateIvrFlow(fullFlow(), { lineLanguages: ['nl', 'fr', 'en'] }).ok).toBe(true);
  });

  it('refuses a collect pattern that is not a regular expression', () => {
    const input = withNodes((n) => {
      (n.account as { pattern: string }).pattern = '([0-9';
    });
    expect(problems(input)).toEqual(['nodes.account.pattern: not a valid regular expression']);
  });

  it('gives every kind of problem a stable code and the values its text needs', () => {
    const all: IvrFlowProblem[] = [];
    const collect = (input: unknown, options: Parameters<typeof validateIvrFlow>[1] = {}) => {
      const result = validateIvrFlow(input, options);
      if (!result.ok) all.push(...result.problems);
    };
    // Graph and language rules.
    collect(
      withNodes((n) => {
        (n.lang as { choices: Record<string, string> }).choices['4'] = 'en';
        (n.account as { minLength: number }).minLength = 9;
        (n.callback as { numberVariable?: string }).numberVariable = 'phone';
        (n.main as { choices: Record<string, string> }).choices['4'] = 'nowhere';
        n.orphan = { type: 'hangup' };
        n.a = { type: 'message', prompt: { nl: 'a' }, next: 'b' };
        n.b = { type: 'set', priority: 1, next: 'a' };
      }, { languages: ['nl', 'fr'], defaultLanguage: 'en' }),
      { queueIds: ['q_default'], lineLanguages: ['nl'] },
    );
    // The schema's own rules and the generic shape problems.
    collect(
      withNodes(
        (n) => {
          (n.main as { choices: Record<string, string> }).choices = { '12': 'general' };
          (n.general as Record<string, unknown>).extra = 1;
          (n.welcome as { prompt: unknown }).prompt = { audio: { nl: 'ftp://example.invalid/a.wav' } };
          n.fraudLine = { type: 'transfer', number: '0470 12 34 56' };
          n.weird = { type: 'teleport' };
          n['bad id'] = { type: 'hangup' };
          n.noPrompt = { type: 'hangup', prompt: 5 };
          n.emptyMenu = { type: 'menu', prompt: { nl: 'x' }, choices: {}, fallback: 'general', timeoutSeconds: 99 };
          n.emptyLang = { type: 'language', prompt: { nl: 'x' }, choices: {}, next: 'general' };
          n.digits = { type: 'collect', prompt: { nl: 'x' }, variable: '1x', pattern: '([0-9', next: 'general', fallback: 'general' };
        },
        { languages: [], defaultLanguage: 'de' },
      ),
    );
    collect({ ...fullFlow(), start: 42 });

    const known = new Set<string>(IVR_PROBLEM_CODES);
    for (const p of all) {
      expect(known.has(p.code), `${p.path}: ${p.code}`).toBe(true);
      expect(p.message.length).toBeGreaterThan(0);
      for (const value of Object.values(p.params)) expect(['string', 'number']).toContain(typeof value);
    }
    // Every code is produced except the editor's own (unparsable JSON) and the catch-all for issues the schema cannot raise today.
    const expected = IVR_PROBLEM_CODES.filter((code) => code !== 'json_invalid' && code !== 'invalid_input');
    expect([...new Set(all.map((p) => p.code))].sort()).toEqual([...expected].sort());
    expect(all.find((p) => p.code === 'unreachable')).toEqual({ path: 'nodes.orphan', code: 'unreachable', params: { start: 'welcome' }, message: 'unreachable from start "welcome"' });
    expect(all.find((p) => p.code === 'invalid_audio_url')?.path).toBe('nodes.welcome.prompt.audio.nl');
    expect(all.find((p) => p.code === 'min_length_above_max')?.params).toEqual({ min: 9, max: 8 });
  });
});
