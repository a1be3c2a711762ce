import type { z } from 'zod';
import type { Language } from '../model/channel.js';
import { IvrFlowError, type IvrFlowProblem } from './ivr.errors.js';
import { ivrFlowSchema, type IvrFlow, type IvrNode, type IvrPrompt } from './ivr-flow.schema.js';

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

function zodProblems(error: z.ZodError): IvrFlowProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** The graph and language rules that the schema alone cannot express. */
function graphProblems(flow: IvrFlow, options: ParseIvrFlowOptions): IvrFlowProblem[] {
  const problems: IvrFlowProblem[] = [];
  const ids = new Set(Object.keys(flow.nodes));

  if (!flow.languages.includes(flow.defaultLanguage)) problems.push({ path: 'defaultLanguage', message: `"${flow.defaultLanguage}" is not one of the flow's languages (${flow.languages.join(', ')})` });
  if (!ids.has(flow.start)) problems.push({ path: 'start', message: `unknown node id "${flow.start}"` });
  const notOffered = options.lineLanguages ? flow.languages.filter((l) => !options.lineLanguages?.includes(l)) : [];
  if (notOffered.length > 0) problems.push({ path: 'languages', message: `the line does not offer ${notOffered.join(', ')}` });

  const collectedVariables = new Set<string>();
  for (const node of Object.values(flow.nodes)) if (node.type === 'collect') collectedVariables.add(node.variable);

  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const edge of nodeEdges(node)) {
      if (!ids.has(edge.target)) problems.push({ path: `nodes.${id}.${edge.field}`, message: `unknown node id "${edge.target}"` });
    }
    for (const { field, prompt } of nodePrompts(node)) {
      const present = promptLanguages(prompt);
      const missing = flow.languages.filter((l) => !present.has(l));
      if (missing.length > 0) problems.push({ path: `nodes.${id}.${field}`, message: `prompt missing in ${missing.join(', ')}` });
    }
    if (node.type === 'language') {
      for (const [key, lang] of Object.entries(node.choices)) {
        if (!flow.languages.includes(lang)) problems.push({ path: `nodes.${id}.choices.${key}`, message: `"${lang}" is not one of the flow's languages` });
      }
    }
    if (node.type === 'collect' && node.minLength > node.maxLength) problems.push({ path: `nodes.${id}.minLength`, message: `minLength ${node.minLength} is more than maxLength ${node.maxLength}` });
    if (node.type === 'callback' && node.numberVariable !== undefined && !collectedVariables.has(node.numberVariable)) {
      problems.push({ path: `nodes.${id}.numberVariable`, message: `no collect node sets "${node.numberVariable}"` });
    }
    if ((node.type === 'enqueue' || node.type === 'callback') && node.queueId !== undefined && options.queueIds && !options.queueIds.includes(node.queueId)) {
      problems.push({ path: `nodes.${id}.queueId`, message: `unknown queue "${node.queueId}" on this line` });
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
    for (const id of ids) if (!reached.has(id)) problems.push({ path: `nodes.${id}`, message: `unreachable from start "${flow.start}"` });
  }

  for (const cycle of cyclesWithoutInput(flow)) problems.push({ path: `nodes.${cycle[0]}`, message: `loop without caller input: ${cycle.join(' → ')}` });
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
