import { randomBytes } from 'node:crypto';
import { isOpen } from '../core/line/opening-hours.js';
import type { ServiceDeps } from '../app/deps.js';
import { endByCustomer } from '../app/conversation/close.js';
import { postMessage } from '../app/conversation/post-message.js';
import { startConversation } from '../app/conversation/start-conversation.js';
import { topics } from '../realtime/event-bus.js';
import { DEMO_SCRIPTS, type DemoScript } from './demo-scripts.js';

export interface DemoTrafficOptions {
  /** Simulated customers at most in conversation at once. */
  maxConcurrent: number;
  /** A new customer every this many ms (on average). */
  everyMs: number;
}

/**
 * `npm start -- --demo-traffic`: simulated customers write in on the demo lines through the
 * same use cases the widget uses, and answer when an agent replies, so a first-time visitor
 * sees queues, offers and conversations move. It only ever touches the demo tenant's lines.
 */
export function startDemoTraffic(deps: ServiceDeps, options: DemoTrafficOptions = { maxConcurrent: 4, everyMs: 20_000 }): () => void {
  const active = new Set<string>();
  let stopped = false;
  const spawn = () => {
    if (stopped || active.size >= options.maxConcurrent) return;
    const openScripts = DEMO_SCRIPTS.filter((s) => {
      const line = deps.directory.findLine(s.lineId);
      return line && isOpen(line.openingHours, deps.clock.now());
    });
    const script = openScripts[Math.floor(Math.random() * openScripts.length)];
    if (script) void runCustomer(deps, script, active).catch((error: unknown) => deps.log('warn', 'demo customer failed', { error: String(error) }));
  };
  const timer = setInterval(spawn, options.everyMs);
  timer.unref();
  setTimeout(spawn, 1000).unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

async function runCustomer(deps: ServiceDeps, script: DemoScript, active: Set<string>): Promise<void> {
  const started = await startConversation(deps, {
    lineId: script.lineId,
    channel: 'chat',
    language: script.language,
    identifier: { kind: 'visitor', value: `demo-${randomBytes(6).toString('hex')}` },
    ...(script.topicId ? { topicId: script.topicId } : {}),
    ...(script.context ? { context: script.context } : {}),
  });
  const conversationId = started.conversationId;
  active.add(conversationId);
  const who = { kind: 'customer' as const, conversationId };
  let turn = 0;
  let askedForPerson = false;
  const say = async (text: string) => postMessage(deps, who, { conversationId, clientId: `demo-${turn}`, text });
  await say(script.lines[turn++]!);
  const finish = () => {
    off();
    active.delete(conversationId);
  };
  const off = deps.bus.subscribe(topics.conversation(conversationId), (message) => {
    if (message.kind !== 'event') return;
    const { type, actor } = message.event;
    if (type === 'conversation.closed' || type === 'conversation.abandoned') return finish();
    // On a line with a customer bot the demo customer wants a person, so agents still get work.
    if (type === 'message.created' && actor.kind === 'bot' && !askedForPerson) {
      askedForPerson = true;
      const ask = { conversationId, clientId: 'demo-ask-person', text: ASK_FOR_PERSON[script.language] };
      setTimeout(() => void postMessage(deps, who, ask).catch(() => undefined), 1500);
      return;
    }
    if (type !== 'message.created' || actor.kind !== 'agent') return;
    const next = script.lines[turn++];
    setTimeout(() => {
      if (next) void say(next).catch(() => undefined);
      if (turn >= script.lines.length) setTimeout(() => void endByCustomer(deps, conversationId).catch(() => undefined).finally(finish), 4000);
    }, 2000 + Math.random() * 4000);
  });
  // A demo customer gives up after ten minutes without an agent.
  setTimeout(() => {
    if (!active.has(conversationId)) return;
    void endByCustomer(deps, conversationId).catch(() => undefined).finally(finish);
  }, 600_000).unref();
}

const ASK_FOR_PERSON: Record<DemoScript['language'], string> = {
  nl: 'Bedankt, maar ik wil graag een medewerker spreken.',
  fr: "Merci, mais je voudrais parler à quelqu'un.",
  en: 'Thanks, but can I talk to an agent?',
};
