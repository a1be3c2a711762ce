import { describe, expect, it } from 'vitest';
import { addNode, asFormFlow, choiceRows, deleteNode, nextFreeKey, problemsByNode, referencesTo, renameNode, setChoiceRows, toggleFlowLanguage, updateNodeField, updatePromptText } from './ivr-form-state.js';

const flow = asFormFlow({
  languages: ['nl', 'fr'],
  defaultLanguage: 'nl',
  start: 'welcome',
  nodes: {
    welcome: { type: 'message', prompt: { nl: 'Welkom', fr: 'Bienvenue' }, next: 'menu' },
    menu: { type: 'menu', prompt: { nl: 'Kies', fr: 'Choisissez' }, choices: { '1': 'queue', '2': 'welcome' }, timeoutSeconds: 5, maxRetries: 2, fallback: 'queue' },
    queue: { type: 'enqueue' },
  },
});

describe('the IVR form state', () => {
  it('adds a node of a type with its required fields and a free id', () => {
    const one = addNode(flow, 'menu');
    expect(one.id).toBe('menu-2');
    expect(one.flow.nodes['menu-2']).toEqual({ type: 'menu', prompt: { nl: '', fr: '' }, choices: { '1': '' }, timeoutSeconds: 5, maxRetries: 2, fallback: '' });
    expect(addNode(one.flow, 'menu').id).toBe('menu-3');
    expect(flow.nodes['menu-2']).toBeUndefined();
    const empty = addNode(asFormFlow({}), 'hangup');
    expect(empty.flow.start).toBe('hangup');
  });

  it('finds every reference to a node and keeps them when the node is deleted', () => {
    expect(referencesTo(flow, 'queue')).toEqual(['nodes.menu.choices.1', 'nodes.menu.fallback']);
    expect(referencesTo(flow, 'welcome')).toEqual(['start', 'nodes.menu.choices.2']);
    const without = deleteNode(flow, 'queue');
    expect(Object.keys(without.nodes)).toEqual(['welcome', 'menu']);
    expect(referencesTo(without, 'queue')).toEqual(['nodes.menu.choices.1', 'nodes.menu.fallback']);
  });

  it('renames a node and every reference, refusing a taken or malformed id', () => {
    const result = renameNode(flow, 'welcome', 'hello');
    if (!result.ok) throw new Error('rename refused');
    expect(result.flow.start).toBe('hello');
    expect(result.flow.nodes.menu?.choices).toEqual({ '1': 'queue', '2': 'hello' });
    expect(Object.keys(result.flow.nodes)).toEqual(['hello', 'menu', 'queue']);
    expect(referencesTo(result.flow, 'welcome')).toEqual([]);
    expect(renameNode(flow, 'welcome', 'menu')).toEqual({ ok: false, reason: 'taken' });
    expect(renameNode(flow, 'welcome', 'with space')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('updates fields and prompt texts, dropping an optional prompt left empty', () => {
    const q = updateNodeField(flow, 'queue', 'queueId', 'q_general');
    expect(q.nodes.queue).toEqual({ type: 'enqueue', queueId: 'q_general' });
    expect(updateNodeField(q, 'queue', 'queueId', undefined).nodes.queue).toEqual({ type: 'enqueue' });
    const prompted = updatePromptText(flow, 'queue', 'prompt', 'nl', 'Even geduld', true);
    expect(prompted.nodes.queue?.prompt).toEqual({ nl: 'Even geduld' });
    expect(updatePromptText(prompted, 'queue', 'prompt', 'nl', '', true).nodes.queue).toEqual({ type: 'enqueue' });
    expect(updatePromptText(flow, 'welcome', 'prompt', 'fr', '', false).nodes.welcome?.prompt).toEqual({ nl: 'Welkom', fr: '' });
  });

  it('edits menu choices as rows and offers the next free key', () => {
    const menu = flow.nodes.menu!;
    expect(choiceRows(menu)).toEqual([
      { key: '1', target: 'queue' },
      { key: '2', target: 'welcome' },
    ]);
    expect(nextFreeKey(menu)).toBe('3');
    const edited = setChoiceRows(flow, 'menu', [{ key: '1', target: 'welcome' }]);
    expect(edited.nodes.menu?.choices).toEqual({ '1': 'welcome' });
  });

  it('places the validator problems on their node and field', () => {
    expect(
      problemsByNode([
        { path: 'nodes.menu.choices.1', message: 'unknown node id "x"' },
        { path: 'nodes.queue', message: 'unreachable from start "welcome"' },
        { path: 'start', message: 'unknown node id "y"' },
      ]),
    ).toEqual([
      { nodeId: 'menu', field: 'choices.1', message: 'unknown node id "x"' },
      { nodeId: 'queue', field: '', message: 'unreachable from start "welcome"' },
      { nodeId: null, field: 'start', message: 'unknown node id "y"' },
    ]);
  });

  it('reads a broken value as an empty flow without throwing', () => {
    expect(asFormFlow(null)).toEqual({ languages: ['nl'], defaultLanguage: 'nl', start: '', nodes: {} });
    expect(asFormFlow({ nodes: { a: 3 } }).nodes.a).toEqual({ type: 'unknown' });
  });

  it('turns flow languages on and off in a fixed order, keeping the default one of them', () => {
    const withEn = toggleFlowLanguage(flow, 'en', true);
    expect(withEn.languages).toEqual(['nl', 'fr', 'en']);
    const withoutNl = toggleFlowLanguage(withEn, 'nl', false);
    expect(withoutNl).toMatchObject({ languages: ['fr', 'en'], defaultLanguage: 'fr' });
    expect(toggleFlowLanguage(toggleFlowLanguage(flow, 'nl', false), 'nl', true).languages).toEqual(['nl', 'fr']);
  });
});
