import type { ClientFrame } from '../realtime/frames.js';

type IceInit = { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null };

declare global {
  interface Window {
    /** Set by tests before load: peer connections are listed here so a test can read getStats(). */
    __centraalDebug?: { peerConnections: RTCPeerConnection[] };
  }
}

interface AgentCall {
  pc: RTCPeerConnection;
  stream: MediaStream | undefined;
  audio: HTMLAudioElement;
  pendingIce: IceInit[];
}

/**
 * The agent's side of the calls' audio. The customer's browser makes the offer when the agent
 * picks up; this answers it with the microphone and plays the customer's voice. One connection per
 * call, kept while the agent looks at other conversations; closed when the call ends or moves on.
 */
export class SoftphoneMedia {
  private readonly calls = new Map<string, AgentCall>();
  private muted = new Set<string>();
  private held = new Set<string>();
  iceServers: RTCIceServer[] = [];
  onProblem: (conversationId: string) => void = () => undefined;

  constructor(private readonly send: (frame: ClientFrame) => boolean) {}

  has(conversationId: string): boolean {
    return this.calls.has(conversationId);
  }

  async onOffer(conversationId: string, sdp: string): Promise<void> {
    this.close(conversationId);
    const pc = new RTCPeerConnection({ iceServers: this.iceServers });
    const audio = new Audio();
    audio.autoplay = true;
    const call: AgentCall = { pc, stream: undefined, audio, pendingIce: [] };
    this.calls.set(conversationId, call);
    window.__centraalDebug?.peerConnections.push(pc);
    pc.onicecandidate = (event) => {
      this.send({ t: 'call.ice', conversationId, candidate: event.candidate ? (event.candidate.toJSON() as IceInit) : null });
    };
    pc.ontrack = (event) => {
      audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void audio.play().catch(() => undefined);
    };
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      if (this.calls.get(conversationId) !== call) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      call.stream = stream;
      for (const track of stream.getAudioTracks()) pc.addTrack(track, stream);
      this.applyTrackState(conversationId);
      await pc.setRemoteDescription({ type: 'offer', sdp });
      for (const candidate of call.pendingIce.splice(0)) await pc.addIceCandidate(candidate).catch(() => undefined);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      this.send({ t: 'call.answer', conversationId, sdp: answer.sdp ?? '' });
    } catch {
      this.onProblem(conversationId);
    }
  }

  async onIce(conversationId: string, candidate: IceInit | null): Promise<void> {
    const call = this.calls.get(conversationId);
    if (!call || !candidate) return;
    if (!call.pc.remoteDescription) call.pendingIce.push(candidate);
    else await call.pc.addIceCandidate(candidate).catch(() => undefined);
  }

  setMuted(conversationId: string, muted: boolean): void {
    if (muted) this.muted.add(conversationId);
    else this.muted.delete(conversationId);
    this.applyTrackState(conversationId);
  }

  /** On hold the customer hears nothing from the agent, and the agent nothing from the customer. */
  setHeld(conversationId: string, held: boolean): void {
    if (held) this.held.add(conversationId);
    else this.held.delete(conversationId);
    this.applyTrackState(conversationId);
  }

  close(conversationId: string): void {
    const call = this.calls.get(conversationId);
    if (!call) return;
    call.pc.close();
    for (const track of call.stream?.getTracks() ?? []) track.stop();
    call.audio.srcObject = null;
    this.calls.delete(conversationId);
  }

  closeAll(): void {
    for (const id of [...this.calls.keys()]) this.close(id);
  }

  private applyTrackState(conversationId: string): void {
    const call = this.calls.get(conversationId);
    if (!call) return;
    const held = this.held.has(conversationId);
    for (const track of call.stream?.getAudioTracks() ?? []) track.enabled = !held && !this.muted.has(conversationId);
    call.audio.muted = held;
  }
}
