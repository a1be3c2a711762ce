import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Me, SettableStatus } from '../api/api-types.js';
import { agentApi, conversationApi } from '../api/endpoints.js';
import { useRealtime } from '../realtime/realtime-context.js';
import type { CallControlFrame, ServerFrame } from '../realtime/frames.js';
import { SoftphoneMedia } from './softphone-media.js';
import { callStatus } from './call-status.js';

/** How long a loaded, connected call waits for the customer's offer before asking for one. */
const MEDIA_RESTORE_WAIT_MS = 2000;
import { useNotices } from '../shell/notice-bar.js';
import { desktopReducer, initialDesktopState, type DesktopState } from './desktop-state.js';

/** Without a fresh "typing on" for this long the customer is taken to have stopped (a closed tab never sends "off"). */
const TYPING_FADE_MS = 6000;

let counter = 0;
/** A unique idempotency key per send: a retried message is stored once. */
export const newClientId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * The agent desktop's live state: the reducer, fed by WebSocket frames and HTTP loads.
 * Returns the state and the actions the UI calls.
 */
export function useDesktop(me: Me) {
  const [state, dispatch] = useReducer(desktopReducer, me.status, initialDesktopState);
  const client = useRealtime();
  const { showError } = useNotices();
  const stateRef = useRef<DesktopState>(state);
  stateRef.current = state;
  const loading = useRef(new Set<string>());
  /** The calls' audio lives beside React state: it must outlive re-renders and conversation switches. */
  const media = useMemo(() => new SoftphoneMedia((frame) => client.send(frame)), [client]);
  const [callNotices, setCallNotices] = useState<CallNotices>({ consults: [], keys: {}, micProblem: null });
  const loaded = useRef(new Set<string>());

  /** Loads details and the events we miss, then resumes live delivery from the last seq. */
  const load = useCallback(
    async (id: string) => {
      if (loading.current.has(id)) return;
      loading.current.add(id);
      try {
        const entry = stateRef.current.conversations.find((c) => c.id === id);
        const [details, page] = await Promise.all([conversationApi.details(id), conversationApi.events(id, 0)]);
        dispatch({ type: 'conversation.details', details });
        dispatch({ type: 'events', conversationId: id, events: page.events });
        const lastSeq = Math.max(entry?.log.lastSeq ?? 0, ...page.events.map((e) => e.seq));
        client.resume({ conversationId: id, afterSeq: lastSeq });
        // A call still connected to me but without audio in this browser (a reload): the customer's
        // browser offers again. The wait lets the offer that follows a fresh answer arrive first.
        const phase = callStatus(page.events, me.id).phase;
        if (phase === 'connected' || phase === 'on_hold') {
          setTimeout(() => {
            if (!media.has(id)) client.send({ t: 'call.renegotiate', conversationId: id });
          }, MEDIA_RESTORE_WAIT_MS);
        }
        loaded.current.add(id);
      } catch (error) {
        showError(error);
      } finally {
        loading.current.delete(id);
      }
    },
    [client, showError, me.id, media],
  );

  const syncWork = useCallback(async () => {
    try {
      const list = await agentApi.conversations();
      if (list) {
        // The list also holds conversations only offered to me: those ring as offers, they are not mine yet.
        const mine = list.filter((c) => c.assignedAgentId === me.id);
        dispatch({ type: 'work.synced', assignedIds: mine.map((c) => c.id) });
        for (const details of mine) dispatch({ type: 'conversation.details', details });
        return;
      }
      const work = await agentApi.work();
      dispatch({ type: 'work.synced', assignedIds: work.assigned });
    } catch (error) {
      showError(error);
    }
  }, [me.id, showError]);

  // Every conversation (new from an accept, a sync or a live event) gets its details and history once.
  useEffect(() => {
    for (const c of state.conversations) if (!loaded.current.has(c.id)) void load(c.id);
  }, [state.conversations, load]);

  useEffect(() => {
    client.resumePoints = () => stateRef.current.conversations.filter((c) => c.log.lastSeq > 0).map((c) => ({ conversationId: c.id, afterSeq: c.log.lastSeq }));
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    media.onProblem = (conversationId) => setCallNotices((n) => ({ ...n, micProblem: conversationId }));
    const offFrame = client.onFrame((frame) => {
      onFrame(frame, me.id, dispatch, showError);
      onCallFrame(frame, media, setCallNotices);
      // A customer who closes the tab never sends "typing off": let the indicator fade by itself.
      if (frame.t === 'typing' && frame.from === 'customer') {
        clearTimeout(typingTimers.get(frame.conversationId));
        if (frame.on) typingTimers.set(frame.conversationId, setTimeout(() => dispatch({ type: 'typing', conversationId: frame.conversationId, on: false }), TYPING_FADE_MS));
      }
    });
    const offOpen = client.onOpen((reconnected) => {
      // Open offers are sent again by the server on every connect; the old ones may be gone.
      if (reconnected) dispatch({ type: 'offers.cleared' });
      void syncWork();
    });
    if (client.state === 'open') void syncWork();
    return () => {
      offFrame();
      offOpen();
      media.closeAll();
      for (const timer of typingTimers.values()) clearTimeout(timer);
      client.resumePoints = () => [];
    };
  }, [client, me.id, showError, syncWork, media]);

  const actions = useMemo(
    () => ({
      async setStatus(status: SettableStatus) {
        try {
          const updated = await agentApi.setStatus(status);
          dispatch({ type: 'status', status: updated.status });
        } catch (error) {
          showError(error);
        }
      },
      async accept(id: string) {
        try {
          await conversationApi.accept(id);
          dispatch({ type: 'conversation.opened', conversationId: id });
        } catch (error) {
          dispatch({ type: 'offer.removed', conversationId: id });
          showError(error);
        }
      },
      async decline(id: string) {
        dispatch({ type: 'offer.removed', conversationId: id });
        await conversationApi.decline(id).catch(showError);
      },
      select(id: string) {
        dispatch({ type: 'conversation.selected', conversationId: id });
      },
      send(conversationId: string, text: string, internal: boolean, attachmentIds: string[] = []) {
        const clientId = newClientId('m');
        const files = attachmentIds.length > 0 ? { attachmentIds } : {};
        dispatch({ type: 'message.pending', conversationId, message: { clientId, text, internal, ...files } });
        const frame = { t: 'message.send' as const, conversationId, clientId, text, ...(internal ? { internal: true } : {}), ...files };
        if (client.send(frame)) return;
        // Offline: the HTTP route takes the same clientId, so a later retry cannot double it.
        conversationApi.send(conversationId, clientId, text, internal, attachmentIds).then(
          (result) => dispatch({ type: 'message.acked', clientId, seq: result.seq }),
          (error: unknown) => {
            dispatch({ type: 'message.failed', clientId, error: String((error as Error).message) });
            showError(error);
          },
        );
      },
      retry(conversationId: string, clientId: string) {
        const message = stateRef.current.conversations.find((c) => c.id === conversationId)?.pending.find((p) => p.clientId === clientId);
        if (!message) return;
        dispatch({ type: 'message.discarded', clientId });
        this.send(conversationId, message.text, message.internal, message.attachmentIds);
      },
      discard(clientId: string) {
        dispatch({ type: 'message.discarded', clientId });
      },
      typing(conversationId: string, on: boolean) {
        client.send({ t: 'typing', conversationId, on });
      },
      setRegistration(conversationId: string, registration: import('../api/api-types.js').Registration) {
        dispatch({ type: 'registration', conversationId, registration });
      },
      /**
       * Reads events we may not get live (a block after the conversation ended: the server no longer
       * sends its events to this agent). Events are merged by seq, so a doubled one is dropped.
       */
      async catchUp(conversationId: string) {
        const after = stateRef.current.conversations.find((c) => c.id === conversationId)?.log.lastSeq ?? 0;
        try {
          const page = await conversationApi.events(conversationId, after);
          if (page.events.length > 0) dispatch({ type: 'events', conversationId, events: page.events });
        } catch {
          // Only a catch-up: live delivery still covers an open conversation.
        }
      },
      /** Call controls: sent on the socket, acknowledged there; a refusal shows as an error notice. */
      /** Resolves true once the server acknowledged the step, false when it refused (the error is shown). */
      callControl(frame: DistributiveOmit<CallControlFrame, 'clientId'>): Promise<boolean> {
        const clientId = newClientId('call');
        const settled = new Promise<boolean>((resolve) => {
          const off = client.onFrame((reply) => {
            if ((reply.t !== 'ack' && reply.t !== 'error') || reply.clientId !== clientId) return;
            off();
            resolve(reply.t === 'ack');
          });
          setTimeout(() => {
            off();
            resolve(false);
          }, 15_000);
        });
        if (!client.send({ ...frame, clientId } as CallControlFrame)) {
          showError({ code: 'NETWORK', message: '' });
          return Promise.resolve(false);
        }
        if (frame.t === 'call.mute') media.setMuted(frame.conversationId, frame.muted);
        if (frame.t === 'call.hold' || frame.t === 'call.unhold') media.setHeld(frame.conversationId, frame.t === 'call.hold');
        if (frame.t === 'call.hangup') media.close(frame.conversationId);
        // A completed warm transfer hands the call over: it leaves this agent's list, as a blind one does.
        if (frame.t === 'call.transfer' && frame.step === 'complete') void settled.then((ok) => {
            if (!ok) return;
            media.close(frame.conversationId);
            loaded.current.delete(frame.conversationId);
            dispatch({ type: 'conversation.released', conversationId: frame.conversationId });
          });
        return settled;
      },
      dismissConsult(conversationId: string) {
        setCallNotices((n) => ({ ...n, consults: n.consults.filter((c) => c.conversationId !== conversationId) }));
      },
      release(conversationId: string) {
        media.close(conversationId);
        loaded.current.delete(conversationId);
        dispatch({ type: 'conversation.released', conversationId });
      },
    }),
    [client, showError, media],
  );

  return { state, actions, callNotices };
}

export type DesktopActions = ReturnType<typeof useDesktop>['actions'];

function onFrame(
  frame: ServerFrame,
  myId: string,
  dispatch: (action: Parameters<typeof desktopReducer>[1]) => void,
  showError: (error: unknown) => void,
): void {
  switch (frame.t) {
    case 'offer':
      return dispatch({ type: 'offer.received', offer: { conversationId: frame.conversationId, expiresAt: frame.expiresAt, summary: frame.offer } });
    case 'offer.withdrawn':
      return dispatch({ type: 'offer.removed', conversationId: frame.conversationId });
    case 'event':
      return dispatch({ type: 'events', conversationId: frame.e.conversationId, events: [frame.e] });
    case 'typing':
      if (frame.from === 'customer') dispatch({ type: 'typing', conversationId: frame.conversationId, on: frame.on });
      return;
    case 'ack':
      if (frame.seq !== undefined) dispatch({ type: 'message.acked', clientId: frame.clientId, seq: frame.seq });
      return;
    case 'error':
      if (frame.clientId) dispatch({ type: 'message.failed', clientId: frame.clientId, error: frame.message });
      showError(frame);
      return;
    case 'agent.status':
      if (frame.agentId === myId && isStatus(frame.status)) dispatch({ type: 'status', status: frame.status });
      return;
    default:
      return;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CallNotices {
  /** Colleagues asking this agent to take a call (warm transfer). */
  consults: Array<{ conversationId: string; fromAgentName: string; note?: string }>;
  /** The keys a customer pressed during the call, per conversation (shown, not stored). */
  keys: Record<string, string>;
  /** A call whose audio could not start (no microphone). */
  micProblem: string | null;
}

/** Media signalling and call notices; events about the call itself arrive through the log. */
function onCallFrame(frame: ServerFrame, media: SoftphoneMedia, setNotices: (update: (n: CallNotices) => CallNotices) => void): void {
  switch (frame.t) {
    case 'hello':
      if (frame.iceServers) media.iceServers = frame.iceServers as RTCIceServer[];
      return;
    case 'call.offer':
      void media.onOffer(frame.conversationId, frame.sdp);
      return;
    case 'call.ice':
      void media.onIce(frame.conversationId, frame.candidate);
      return;
    case 'call.answer':
      return;
    case 'call.dtmf':
      setNotices((n) => ({ ...n, keys: { ...n.keys, [frame.conversationId]: ((n.keys[frame.conversationId] ?? '') + frame.digits).slice(-16) } }));
      return;
    case 'call.consult':
      setNotices((n) => ({
        ...n,
        consults: frame.active
          ? [...n.consults.filter((c) => c.conversationId !== frame.conversationId), { conversationId: frame.conversationId, fromAgentName: frame.fromAgentName, ...(frame.note ? { note: frame.note } : {}) }]
          : n.consults.filter((c) => c.conversationId !== frame.conversationId),
      }));
      return;
    case 'event':
      // The call ended or moved on: this browser's audio for it stops.
      if (frame.e.type === 'call.ended' || frame.e.type === 'conversation.transferred' || frame.e.type === 'conversation.closed' || frame.e.type === 'conversation.ended_by_customer') media.close(frame.e.conversationId);
      if (frame.e.type === 'call.held' || frame.e.type === 'call.resumed') media.setHeld(frame.e.conversationId, frame.e.type === 'call.held');
      return;
    default:
      return;
  }
}

const isStatus = (s: string): s is Me['status'] => ['available', 'busy', 'wrap_up', 'away', 'offline'].includes(s);
