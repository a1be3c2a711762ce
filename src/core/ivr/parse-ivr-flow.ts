import type { z } from 'zod';
import type { Language } from '../model/channel.js';
import { IvrFlowError, type IvrFlowProblem } from './ivr.errors.js';
import { ivrFlowSchema, SCHEMA_RULE_MESSAGES, type IvrFlow, type IvrNode, type IvrPrompt } from './ivr-flow.schema.js';
import type { IvrProblemCode, IvrProblemParams } from './ivr-problem-codes.js';

/** Nodes that stop and wait for the caller (keys, silence or a recording): a loop through one of them is a menu, not a hang. */
const WAITS_FOR_CALLER: ReadonlySet<IvrNode['type']> = new Set(['menu', 'language', 'collect', 'voicemail']);

export interface ParseIvrFlowOptions {
  /** Queue ids of the line: `enqueue` and `callback` nodes must name one of them. Absent: not checked. */
  queueIds?: readonly string[];
  /** Languages the line offers: the flow may not speak (or route in) another one. Absent: not checked. */
  lineLanguages?: readonly Language[];
}

/** Every node the given node can lead to, with the field that names it. */
export function nodeEdges(node: IvrNode): Array<{ field: string; target: string }> {
  switch (node.type) {
    case 'message':
    case 'language':
    case 'set':
    case 'voicemail':
    case 'callback':
      return [{ field: 'next', target: node.next }];
    case 'menu':
      return [...Object.entries(node.choices).map(([key, target]) => ({ field: `choices.${key}`, target })), { field: 'fallback', target: node.fallback }];
    case 'hours':
      return [
        { field: 'open', target: node.open },
        { field: 'closed', target: node.closed },
      ];
    case 'collect':
      return [
        { field: 'next', target: node.next },
        { field: 'fallback', target: node.fallback },
      ];
    case 'enqueue':
    case 'transfer':
    case 'hangup':
      return [];
  }
}

/** Every prompt of a node, with the field that holds it. */
function nodePrompts(node: IvrNode): Array<{ field: string; prompt: IvrPrompt }> {
  const prompts: Array<{ field: string; prompt: IvrPrompt | undefined }> = [];
  switch (node.type) {
    case 'message':
    case 'language':
    case 'voicemail':
      prompts.push({ field: 'prompt', prompt: node.prompt });
      break;
    case 'menu':
      prompts.push({ field: 'prompt', prompt: node.prompt }, { field: 'invalidPrompt', prompt: node.invalidPrompt }, { field: 'noInputPrompt', prompt: node.noInputPrompt });
      break;
    case 'collect':
      prompts.push({ field: 'prompt', prompt: node.prompt }, { field: 'invalidPrompt', prompt: node.invalidPrompt });
      break;
    case 'callback':
      prompts.push({ field: 'confirmation', prompt: node.confirmation });
      break;
    case 'enqueue':
    case 'transfer':
    case 'hangup':
      prompts.push({ field: 'prompt', prompt: node.prompt });
      break;
    case 'hours':
    case 'set':
      break;
  }
  return prompts.filter((p): p is { field: string; prompt: IvrPrompt } => p.prompt !== undefined);
}

function promptLanguages(prompt: IvrPrompt): Set<Language> {
  const perLanguage = 'audio' in prompt ? prompt.audio : prompt;
  return new Set((Object.keys(perLanguage) as Language[]).filter((l) => perLanguage[l] !== undefined));
}

const CODE_OF_RULE_MESSAGE = new Map<string, IvrProblemCode>(Object.entries(SCHEMA_RULE_MESSAGES).map(([code, message]) => [message, code as IvrProblemCode]));

function problem(path: string, code: IvrProblemCode, params: IvrProblemParams, message: string): IvrFlowProblem {
  return { path, code, params, message };
}

const listed = (values: readonly unknown[]) => values.map(String).join(', ');

/** A schema issue as a problem: the schema's own rules by their text, the library's generic ones by their kind. */
function zodProblem(issue: z.core.$ZodIssue): IvrFlowProblem {
  const path = issue.path.map(String).join('.');
  // A record key that breaks its rule (a node id, a choice key) carries that rule's issue inside.
  const inner = issue.code === 'invalid_key' ? issue.issues[0] : undefined;
  const ruleCode = CODE_OF_RULE_MESSAGE.get(inner?.message ?? issue.message);
  if (ruleCode) return problem(path, ruleCode, {}, inner?.message ?? issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return problem(path, 'invalid_type', { expected: issue.expected }, issue.message);
    case 'too_small':
      return problem(path, 'too_small', { minimum: Number(issue.minimum) }, issue.message);
    case 'too_big':
      return problem(path, 'too_big', { maximum: Number(issue.maximum) }, issue.message);
    case 'unrecognized_keys':
      return problem(path, 'unknown_fields', { fields: listed(issue.keys) }, issue.message);
    case 'invalid_value':
      return problem(path, 'invalid_value', { values: listed(issue.values) }, issue.message);
    case 'invalid_union': {
      if ('note' in issue && issue.note === 'No matching discriminator') return problem(path, 'unknown_node_type', {}, issue.message);
      // The one plain union of the schema is a prompt (texts or recordings): a broken rule inside one of its forms
      // (an audio URL) is the useful answer, else the prompt as a whole has the wrong shape.
      const rule = issue.errors.flat().find((inside) => CODE_OF_RULE_MESSAGE.has(inside.message));
      if (rule) return problem([path, ...rule.path.map(String)].filter(Boolean).join('.'), CODE_OF_RULE_MESSAGE.get(rule.message)!, {}, rule.message);
      return problem(path, 'invalid_prompt', {}, issue.message);
    }
    default:
      return problem(path, 'invalid_input', {}, issue.message);
  }
}

function zodProblems(error: z.ZodError): IvrFlowProblem[] {
  return error.issues.map(zodProblem);
}

/** The graph and language rules that the schema alone cannot express. */
function graphProblems(flow: IvrFlow, options: ParseIvrFlowOptions): IvrFlowProblem[] {
  const problems: IvrFlowProblem[] = [];
  const ids = new Set(Object.keys(flow.nodes));

  if (!flow.languages.includes(flow.defaultLanguage)) problems.push(problem('defaultLanguage', 'default_language_not_in_flow', { language: flow.defaultLanguage, languages: listed(flow.languages) }, `"${flow.defaultLanguage}" is not one of the flow's languages (${flow.languages.join(', ')})`));
  if (!ids.has(flow.start)) problems.push(problem('start', 'unknown_node', { node: flow.start }, `unknown node id "${flow.start}"`));
  const notOffered = options.lineLanguages ? flow.languages.filter((l) => !options.lineLanguages?.includes(l)) : [];
  if (notOffered.length > 0) problems.push(problem('languages', 'language_not_offered', { languages: listed(notOffered) }, `the line does not offer ${notOffered.join(', ')}`));

  const collectedVariables = new Set<string>();
  for (const node of Object.values(flow.nodes)) if (node.type === 'collect') collectedVariables.add(node.variable);

  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const edge of nodeEdges(node)) {
      if (!ids.has(edge.target)) problems.push(problem(`nodes.${id}.${edge.field}`, 'unknown_node', { node: edge.target }, `unknown node id "${edge.target}"`));
    }
    for (const { field, prompt } of nodePrompts(node)) {
      const present = promptLanguages(prompt);
      const missing = flow.languages.filter((l) => !present.has(l));
      if (missing.length > 0) problems.push(problem(`nodes.${id}.${field}`, 'prompt_missing', { languages: listed(missing) }, `prompt missing in ${missing.join(', ')}`));
    }
    if (node.type === 'language') {
      for (const [key, lang] of Object.entries(node.choices)) {
        if (!flow.languages.includes(lang)) problems.push(problem(`nodes.${id}.choices.${key}`, 'choice_language_not_in_flow', { language: lang }, `"${lang}" is not one of the flow's languages`));
      }
    }
    if (node.type === 'collect' && node.minLength > node.maxLength) problems.push(problem(`nodes.${id}.minLength`, 'min_length_above_max', { min: node.minLength, max: node.maxLength }, `minLength ${node.minLength} is more than maxLength ${node.maxLength}`));
    if (node.type === 'callback' && node.numberVariable !== undefined && !collectedVariables.has(node.numberVariable)) {
      problems.push(problem(`nodes.${id}.numberVariable`, 'number_variable_not_collected', { variable: node.numberVariable }, `no collect node sets "${node.numberVariable}"`));
    }
    if ((node.type === 'enqueue' || node.type === 'callback') && node.queueId !== undefined && options.queueIds && !options.queueIds.includes(node.queueId)) {
      // No parameter: the id stays in the field the problem points at; echoing it back would hand another
      // tenant's queue id (typed or guessed) back in a structured answer.
      problems.push(problem(`nodes.${id}.queueId`, 'unknown_queue', {}, `unknown queue "${node.queueId}" on this line`));
    }
  }

  if (ids.has(flow.start)) {
    const reached = new Set<string>([flow.start]);
    const todo = [flow.start];
    while (todo.length > 0) {
      const node = flow.nodes[todo.pop() as string];
      if (!node) continue;
      for (const { target } of nodeEdges(node)) {
        if (ids.has(target) && !reached.has(target)) {
          reached.add(target);
          todo.push(target);
        }
      }
    }
    for (const id of ids) if (!reached.has(id)) problems.push(problem(`nodes.${id}`, 'unreachable', { start: flow.start }, `unreachable from start "${flow.start}"`));
  }

  for (const cycle of cyclesWithoutInput(flow)) problems.push(problem(`nodes.${cycle[0]}`, 'loop_without_input', { loop: cycle.join(' → ') }, `loop without caller input: ${cycle.join(' → ')}`));
  return problems;
}

/** Loops made only of nodes that do not wait for the caller: the call would spin forever. One entry per loop found. */
function cyclesWithoutInput(flow: IvrFlow): string[][] {
  const automatic = (id: string) => {
    const node = flow.nodes[id];
    return node !== undefined && !WAITS_FOR_CALLER.has(node.type);
  };
  const colour = new Map<string, 'grey' | 'black'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    colour.set(id, 'grey');
    stack.push(id);
    for (const { target } of nodeEdges(flow.nodes[id] as IvrNode)) {
      if (!automatic(target)) continue;
      const seen = colour.get(target);
      if (seen === 'grey') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    stack.pop();
    colour.set(id, 'black');
  };
  for (const id of Object.keys(flow.nodes)) if (automatic(id) && !colour.has(id)) visit(id);
  return cycles;
}

export type IvrFlowValidation = { ok: true; flow: IvrFlow } | { ok: false; problems: IvrFlowProblem[] };

/** Checks a flow and lists every problem (schema first; the graph rules when the shape is right). */
export function validateIvrFlow(input: unknown, options: ParseIvrFlowOptions = {}): IvrFlowValidation {
  const parsed = ivrFlowSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = graphProblems(parsed.data, options);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, flow: deepFreeze(parsed.data) };
}

/** Like `validateIvrFlow`, but throws `IvrFlowError` (400 `IVR_FLOW_INVALID`, every problem listed). */
export function parseIvrFlow(input: unknown, options: ParseIvrFlowOptions = {}): IvrFlow {
  const result = validateIvrFlow(input, options);
  if (!result.ok) throw new IvrFlowError(result.problems);
  return result.flow;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
