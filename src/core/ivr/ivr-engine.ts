import { pickText, type Language, type LocalizedText } from '../model/channel.js';
import { isOpen } from '../line/opening-hours.js';
import { IvrStateError } from './ivr.errors.js';
import type { IvrFlow, IvrNode, IvrPrompt } from './ivr-flow.schema.js';
import { DEFAULT_INVALID_TEXT, DEFAULT_NO_INPUT_TEXT } from './ivr-texts.js';
import type { IvrContext, IvrData, IvrInput, IvrInstruction, IvrPromptInstruction, IvrState, IvrStep, IvrTraceEntry } from './ivr.types.js';

/** A validated flow has no loop without input; this bounds a flow that skipped validation. */
const MAX_NODES_PER_STEP = 200;

type MenuNode = Extract<IvrNode, { type: 'menu' }>;
type LanguageNode = Extract<IvrNode, { type: 'language' }>;
type CollectNode = Extract<IvrNode, { type: 'collect' }>;
type WaitingNode = MenuNode | LanguageNode | CollectNode | Extract<IvrNode, { type: 'voicemail' }>;

/** Starts a call at the flow's start node. `language` overrides the flow's default (e.g. the number dialled). */
export function startIvr(flow: IvrFlow, ctx: IvrContext, options: { language?: Language } = {}): IvrStep {
  const language = options.language && flow.languages.includes(options.language) ? options.language : flow.defaultLanguage;
  const data: IvrData = { language, variables: {}, choices: {}, skills: [], priority: null, voicemail: null, callback: null };
  return new StepBuilder(flow, ctx, data).runFrom(flow.start);
}

/** Feeds what the caller did at the waiting node into the flow and returns the next step. */
export function continueIvr(flow: IvrFlow, state: IvrState, input: IvrInput, ctx: IvrContext): IvrStep {
  if (state?.v !== 1 || state.waitingAt === null) throw new IvrStateError('The call is not waiting for input in the IVR.');
  const node = flow.nodes[state.waitingAt];
  if (!node || !['menu', 'language', 'collect', 'voicemail'].includes(node.type)) {
    throw new IvrStateError(`The IVR state waits at "${state.waitingAt}", which is not a node that waits for input in this flow.`);
  }
  const builder = new StepBuilder(flow, ctx, structuredClone(state.data));
  return builder.answer(state.waitingAt, node as WaitingNode, state.attempts, input);
}

/** Collects instructions and trace for one step, walking automatic nodes until one waits or ends the IVR. */
class StepBuilder {
  private readonly instructions: IvrInstruction[] = [];
  private readonly trace: IvrTraceEntry[] = [];

  constructor(
    private readonly flow: IvrFlow,
    private readonly ctx: IvrContext,
    private readonly data: IvrData,
  ) {}

  answer(id: string, node: WaitingNode, attempts: number, input: IvrInput): IvrStep {
    const digits = 'digits' in input ? input.digits : '';
    const silent = 'timeout' in input || ('digits' in input && digits === '');
    switch (node.type) {
      case 'menu': {
        const key = digits.slice(0, 1);
        const target = silent ? undefined : node.choices[key];
        if (target !== undefined) {
          this.data.choices[id] = key;
          this.note(id, node, 'chose', key);
          return this.runFrom(target);
        }
        return this.retry(id, node, attempts, silent, node.fallback);
      }
      case 'language': {
        const language = silent ? undefined : node.choices[digits.slice(0, 1)];
        if (language !== undefined) {
          this.data.language = language;
          this.note(id, node, 'language', language);
          return this.runFrom(node.next);
        }
        // Out of retries: carry on in the language the call already has.
        return this.retry(id, node, attempts, silent, node.next);
      }
      case 'collect': {
        const value = digits.endsWith(node.finishOnKey) ? digits.slice(0, -1) : digits;
        if (!silent && value !== '' && collectedValueIsValid(node, value)) {
          this.data.variables[node.variable] = value;
          this.note(id, node, 'collected', `${node.variable} (${value.length} digits)`);
          return this.runFrom(node.next);
        }
        return this.retry(id, node, attempts, silent || value === '', node.fallback);
      }
      case 'voicemail': {
        if ('recording' in input) {
          this.data.voicemail = { url: input.recording.url, seconds: input.recording.seconds };
          this.note(id, node, 'recorded', `${input.recording.seconds}s`);
        } else {
          this.note(id, node, 'no_input');
        }
        return this.runFrom(node.next);
      }
    }
  }

  /** An invalid or missing answer: say so and ask again, or go to the fallback once the retries are used. */
  private retry(id: string, node: MenuNode | LanguageNode | CollectNode, attempts: number, silent: boolean, fallback: string): IvrStep {
    this.note(id, node, silent ? 'no_input' : 'invalid');
    const used = attempts + 1;
    if (used > node.maxRetries) {
      this.note(id, node, 'fallback', fallback);
      return this.runFrom(fallback);
    }
    const fallbackText = silent ? DEFAULT_NO_INPUT_TEXT : DEFAULT_INVALID_TEXT;
    const own = silent ? (node.type === 'menu' ? node.noInputPrompt : undefined) : node.type === 'language' ? undefined : node.invalidPrompt;
    if (own) this.instructions.push(...this.prompt(own));
    // Before a language is chosen, the caller hears it in each of the flow's languages.
    else if (node.type === 'language') this.instructions.push(...this.flow.languages.map((l) => this.say(fallbackText, l)));
    else this.instructions.push(this.say(fallbackText));
    return this.wait(id, node, used);
  }

  runFrom(start: string): IvrStep {
    let id = start;
    for (let passed = 0; passed < MAX_NODES_PER_STEP; passed++) {
      const node = this.flow.nodes[id];
      if (!node) throw new IvrStateError(`The IVR flow has no node "${id}".`);
      this.note(id, node, 'entered');
      switch (node.type) {
        case 'message':
          this.instructions.push(...this.prompt(node.prompt));
          id = node.next;
          break;
        case 'hours': {
          const open = isOpen(this.ctx.openingHours, this.ctx.now);
          this.note(id, node, open ? 'open' : 'closed');
          id = open ? node.open : node.closed;
          break;
        }
        case 'set':
          for (const skill of node.skills ?? []) if (!this.data.skills.includes(skill)) this.data.skills.push(skill);
          if (node.priority !== undefined) this.data.priority = node.priority;
          this.note(id, node, 'set', [...(node.skills ?? []), ...(node.priority !== undefined ? [`priority ${node.priority}`] : [])].join(', '));
          id = node.next;
          break;
        case 'menu':
        case 'language':
        case 'collect':
        case 'voicemail':
          return this.wait(id, node, 0);
        case 'enqueue': {
          if (node.prompt) this.instructions.push(...this.prompt(node.prompt));
          const queueId = node.queueId ?? this.ctx.defaultQueueId;
          this.instructions.push({ kind: 'enqueue', queueId, skills: [...this.data.skills], priority: this.data.priority, language: this.data.language });
          this.note(id, node, 'enqueued', queueId);
          return this.finish();
        }
        case 'callback': {
          const queueId = node.queueId ?? this.ctx.defaultQueueId;
          const number = node.numberVariable !== undefined ? (this.data.variables[node.numberVariable] ?? null) : (this.ctx.callerNumber ?? null);
          this.data.callback = { number, queueId };
          this.instructions.push({ kind: 'callback', queueId, number, skills: [...this.data.skills], priority: this.data.priority, language: this.data.language });
          this.instructions.push(...this.prompt(node.confirmation));
          this.note(id, node, 'callback', queueId);
          id = node.next;
          break;
        }
        case 'transfer':
          if (node.prompt) this.instructions.push(...this.prompt(node.prompt));
          this.instructions.push({ kind: 'dial', number: node.number, timeoutSeconds: node.timeoutSeconds });
          this.note(id, node, 'transfer', node.number);
          return this.finish();
        case 'hangup':
          if (node.prompt) this.instructions.push(...this.prompt(node.prompt));
          this.instructions.push({ kind: 'hangup' });
          this.note(id, node, 'hangup');
          return this.finish();
      }
    }
    throw new IvrStateError(`The IVR flow passed ${MAX_NODES_PER_STEP} nodes without waiting for the caller (a loop without input).`);
  }

  /** Asks the caller at a waiting node: a gather for keys, or the prompt and a recording for voicemail. */
  private wait(id: string, node: WaitingNode, attempts: number): IvrStep {
    if (node.type === 'voicemail') {
      this.instructions.push(...this.prompt(node.prompt), { kind: 'record', maxSeconds: node.maxSeconds, finishOnKey: '#', playBeep: true });
      return this.step({ v: 1, waitingAt: id, attempts, data: this.data }, 'recording');
    }
    const prompts = node.type === 'language' ? this.everyLanguage(node.prompt) : this.prompt(node.prompt);
    if (node.type === 'collect') {
      this.instructions.push({
        kind: 'gather',
        prompts,
        ...(node.minLength === node.maxLength ? { numDigits: node.maxLength } : {}),
        finishOnKey: node.finishOnKey,
        timeoutSeconds: node.timeoutSeconds,
      });
    } else {
      // One key decides; no finishing key, so "#" and "*" can be choices.
      this.instructions.push({ kind: 'gather', prompts, numDigits: 1, finishOnKey: '', timeoutSeconds: node.timeoutSeconds });
    }
    return this.step({ v: 1, waitingAt: id, attempts, data: this.data }, 'digits');
  }

  private finish(): IvrStep {
    return this.step({ v: 1, waitingAt: null, attempts: 0, data: this.data }, null);
  }

  private step(state: IvrState, waitingFor: IvrStep['waitingFor']): IvrStep {
    return { state, instructions: this.instructions, data: state.data, waitingFor, trace: this.trace };
  }

  private note(nodeId: string, node: IvrNode, event: IvrTraceEntry['event'], detail?: string): void {
    this.trace.push(detail === undefined || detail === '' ? { nodeId, type: node.type, event } : { nodeId, type: node.type, event, detail });
  }

  private prompt(prompt: IvrPrompt, language: Language = this.data.language): IvrPromptInstruction[] {
    if ('audio' in prompt) return [{ kind: 'play', url: pickText(prompt.audio, language) }];
    return [this.say(prompt, language)];
  }

  /** A language menu speaks each language's line in that language, in the flow's order. */
  private everyLanguage(prompt: IvrPrompt): IvrPromptInstruction[] {
    const perLanguage = 'audio' in prompt ? prompt.audio : prompt;
    const languages = this.flow.languages.filter((l) => perLanguage[l] !== undefined);
    return languages.flatMap((l) => this.prompt(prompt, l));
  }

  private say(text: LocalizedText, language: Language = this.data.language): IvrPromptInstruction {
    const spoken = text[language] !== undefined ? language : (Object.keys(text)[0] as Language);
    const voice = this.flow.voices?.[spoken];
    return voice ? { kind: 'say', text: pickText(text, language), language: spoken, voice } : { kind: 'say', text: pickText(text, language), language: spoken };
  }
}

function collectedValueIsValid(node: CollectNode, value: string): boolean {
  if (!/^[0-9*]+$/.test(value)) return false;
  if (value.length < node.minLength || value.length > node.maxLength) return false;
  return node.pattern === undefined || new RegExp(`^(?:${node.pattern})$`).test(value);
}
