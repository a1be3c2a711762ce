/**
 * The form editor's model of an IVR flow: pure functions over the flow as plain JSON (the same object
 * the advanced JSON view shows), so both views edit one value and stay in sync. The server's
 * validate endpoint stays the judge of what is valid; this module only edits and finds references.
 */

export const IVR_NODE_TYPES = ['message', 'menu', 'language', 'hours', 'collect', 'set', 'enqueue', 'voicemail', 'callback', 'transfer', 'hangup'] as const;
export type IvrFormNodeType = (typeof IVR_NODE_TYPES)[number];
export const IVR_LANGUAGES = ['nl', 'fr', 'en'] as const;

export type FormNode = Record<string, unknown> & { type: string };
export interface FormFlow {
  languages: string[];
  defaultLanguage: string;
  start: string;
  nodes: Record<string, FormNode>;
  [extra: string]: unknown;
}

/** Fields of a node that name another node (choices of a menu are listed as `choices.<key>`). */
const NEXT_FIELDS = ['next', 'open', 'closed', 'fallback'] as const;

const NODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads any JSON value as a flow the form can show; missing parts become empty, unknown parts are kept. */
export function asFormFlow(value: unknown): FormFlow {
  const v = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const nodesIn = v.nodes && typeof v.nodes === 'object' && !Array.isArray(v.nodes) ? (v.nodes as Record<string, unknown>) : {};
  const nodes: Record<string, FormNode> = {};
  for (const [id, node] of Object.entries(nodesIn)) {
    nodes[id] = (node && typeof node === 'object' && !Array.isArray(node) ? { ...(node as object) } : {}) as FormNode;
    if (typeof nodes[id].type !== 'string') nodes[id].type = 'unknown';
  }
  return {
    ...v,
    languages: Array.isArray(v.languages) ? v.languages.map(String) : ['nl'],
    defaultLanguage: typeof v.defaultLanguage === 'string' ? v.defaultLanguage : 'nl',
    start: typeof v.start === 'string' ? v.start : '',
    nodes,
  };
}

/** A fresh node of a type with every required field present (next nodes empty until chosen). */
export function blankNode(type: IvrFormNodeType, languages: readonly string[]): FormNode {
  const prompt = () => Object.fromEntries(languages.map((l) => [l, '']));
  switch (type) {
    case 'message':
      return { type, prompt: prompt(), next: '' };
    case 'menu':
      return { type, prompt: prompt(), choices: { '1': '' }, timeoutSeconds: 5, maxRetries: 2, fallback: '' };
    case 'language':
      return { type, prompt: prompt(), choices: Object.fromEntries(languages.map((l, i) => [String(i + 1), l])), timeoutSeconds: 5, maxRetries: 2, next: '' };
    case 'hours':
      return { type, open: '', closed: '' };
    case 'collect':
      return { type, prompt: prompt(), variable: 'digits', minLength: 1, maxLength: 20, finishOnKey: '#', timeoutSeconds: 5, maxRetries: 2, next: '', fallback: '' };
    case 'set':
      return { type, skills: [], next: '' };
    case 'enqueue':
      return { type };
    case 'voicemail':
      return { type, prompt: prompt(), maxSeconds: 120, next: '' };
    case 'callback':
      return { type, confirmation: prompt(), next: '' };
    case 'transfer':
      return { type, number: '', timeoutSeconds: 30 };
    case 'hangup':
      return { type };
  }
}

/** A free id for a new node of a type: `menu`, `menu-2`, `menu-3`, … */
export function freeNodeId(flow: FormFlow, base: string): string {
  if (!(base in flow.nodes)) return base;
  for (let i = 2; ; i++) if (!(`${base}-${i}` in flow.nodes)) return `${base}-${i}`;
}

export function addNode(flow: FormFlow, type: IvrFormNodeType, id = freeNodeId(flow, type)): { flow: FormFlow; id: string } {
  const nodes = { ...flow.nodes, [id]: blankNode(type, flow.languages) };
  return { flow: { ...flow, nodes, start: flow.start === '' ? id : flow.start }, id };
}

/** Removes a node. References to it stay, so the validator names each one as a problem to fix. */
export function deleteNode(flow: FormFlow, id: string): FormFlow {
  const nodes = { ...flow.nodes };
  delete nodes[id];
  return { ...flow, nodes };
}

/** Every place that names a node: `start`, or `nodes.<id>.<field>` (menu choices as `choices.<key>`). */
export function referencesTo(flow: FormFlow, target: string): string[] {
  const refs: string[] = [];
  if (flow.start === target) refs.push('start');
  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const field of nodeTargetFields(node)) if (readTarget(node, field) === target) refs.push(`nodes.${id}.${field}`);
  }
  return refs;
}

/** The fields of a node that lead to another node, as paths inside the node. */
export function nodeTargetFields(node: FormNode): string[] {
  const fields: string[] = [];
  if (node.type === 'menu' && isRecord(node.choices)) for (const key of Object.keys(node.choices)) fields.push(`choices.${key}`);
  for (const f of NEXT_FIELDS) if (typeof node[f] === 'string') fields.push(f);
  return fields;
}

function readTarget(node: FormNode, field: string): unknown {
  if (field.startsWith('choices.')) return isRecord(node.choices) ? node.choices[field.slice('choices.'.length)] : undefined;
  return node[field];
}

export type RenameResult = { ok: true; flow: FormFlow } | { ok: false; reason: 'invalid' | 'taken' };

/** Renames a node and every reference to it (start, next fields, menu choices). */
export function renameNode(flow: FormFlow, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, flow };
  if (!NODE_ID.test(to)) return { ok: false, reason: 'invalid' };
  if (to in flow.nodes) return { ok: false, reason: 'taken' };
  const nodes: Record<string, FormNode> = {};
  for (const [id, node] of Object.entries(flow.nodes)) {
    const copy: FormNode = { ...node };
    for (const f of NEXT_FIELDS) if (copy[f] === from) copy[f] = to;
    if (copy.type === 'menu' && isRecord(copy.choices)) copy.choices = Object.fromEntries(Object.entries(copy.choices).map(([k, v]) => [k, v === from ? to : v]));
    nodes[id === from ? to : id] = copy;
  }
  return { ok: true, flow: { ...flow, nodes, start: flow.start === from ? to : flow.start } };
}

/**
 * Sets one field of a node. `undefined` (or an empty string for optional fields) removes the field,
 * so an optional prompt or queue left empty is absent rather than invalid.
 */
export function updateNodeField(flow: FormFlow, id: string, field: string, value: unknown): FormFlow {
  const node = flow.nodes[id];
  if (!node) return flow;
  const copy: FormNode = { ...node };
  if (value === undefined) delete copy[field];
  else copy[field] = value;
  return { ...flow, nodes: { ...flow.nodes, [id]: copy } };
}

/** Sets one language of a prompt field; the prompt disappears when an optional prompt has no text left. */
export function updatePromptText(flow: FormFlow, id: string, field: string, language: string, text: string, optional: boolean): FormFlow {
  const node = flow.nodes[id];
  if (!node) return flow;
  const before = isRecord(node[field]) && !('audio' in (node[field] as object)) ? (node[field] as Record<string, unknown>) : {};
  const prompt: Record<string, unknown> = { ...before, [language]: text };
  if (optional && text === '') delete prompt[language];
  const empty = Object.values(prompt).every((v) => v === '' || v === undefined);
  return updateNodeField(flow, id, field, optional && empty ? undefined : prompt);
}

/** Menu choices as ordered rows, for the key → node table. */
export function choiceRows(node: FormNode): Array<{ key: string; target: string }> {
  return isRecord(node.choices) ? Object.entries(node.choices).map(([key, target]) => ({ key, target: String(target ?? '') })) : [];
}

/** Replaces the choices of a menu or language node from rows (a later duplicate key wins). */
export function setChoiceRows(flow: FormFlow, id: string, rows: ReadonlyArray<{ key: string; target: string }>): FormFlow {
  return updateNodeField(flow, id, 'choices', Object.fromEntries(rows.map((r) => [r.key, r.target])));
}

/** The first key 0-9 not yet used by a node's choices, for a new row. */
export function nextFreeKey(node: FormNode): string {
  const used = new Set(choiceRows(node).map((r) => r.key));
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].find((k) => !used.has(k)) ?? '1';
}

export interface NodeProblem {
  /** The node concerned, or null for flow-level problems (languages, start, JSON). */
  nodeId: string | null;
  /** The field inside the node (`prompt`, `choices.1`, …), or '' for the node as a whole. */
  field: string;
  /** The validator's code and values (to say it in the admin's language) and its English message. */
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

/** Groups the validator's `path`s (`nodes.menu.choices.1`, `start`) by node and field. */
export function problemsByNode(problems: ReadonlyArray<{ path: string; code?: string; params?: Record<string, string | number>; message: string }>): NodeProblem[] {
  return problems.map((p) => {
    const parts = p.path.split('.');
    const what = { ...(p.code ? { code: p.code } : {}), ...(p.params ? { params: p.params } : {}), message: p.message };
    if (parts[0] === 'nodes' && parts.length >= 2) return { nodeId: parts[1] as string, field: parts.slice(2).join('.'), ...what };
    return { nodeId: null, field: p.path, ...what };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Turns one language of the flow on or off, in the fixed order nl, fr, en. The default language moves
 * to the first one left when it is turned off; prompts keep their texts (a new language's missing
 * texts are named by the validator).
 */
export function toggleFlowLanguage(flow: FormFlow, language: string, on: boolean): FormFlow {
  const chosen = new Set(flow.languages);
  if (on) chosen.add(language);
  else chosen.delete(language);
  const languages = IVR_LANGUAGES.filter((l) => chosen.has(l));
  const defaultLanguage = languages.includes(flow.defaultLanguage as (typeof IVR_LANGUAGES)[number]) ? flow.defaultLanguage : (languages[0] ?? flow.defaultLanguage);
  return { ...flow, languages, defaultLanguage };
}
