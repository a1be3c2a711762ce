import type { ClientFrame } from '../realtime/wire-types.js';

type IceInit = { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null };

/**
 * The customer's side of the audio: microphone, one RTCPeerConnection to the agent's browser, and
 * the agent's voice in an <audio> element. The customer makes the offer; the server only relays it.
 */
export class CallMedia {
  private pc: RTCPeerConnection | undefined;
  private stream: MediaStream | undefined;
  private readonly audio = new Audio();
  private pendingIce: IceInit[] = [];
  private muted = false;

  constructor(
    private readonly conversationId: string,
    private readonly send: (frame: ClientFrame) => boolean,
  ) {
    this.audio.autoplay = true;
  }

  get active(): boolean {
    return this.pc !== undefined;
  }

  /** Opens the microphone and offers a new connection to the agent who answered. */
  async start(iceServers: RTCIceServer[]): Promise<void> {
    this.close();
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    this.stream = stream;
    window.__centraalDebug?.peerConnections.push(pc);
    for (const track of stream.getAudioTracks()) {
      track.enabled = !this.muted;
      pc.addTrack(track, stream);
    }
    pc.onicecandidate = (event) => {
      this.send({ t: 'call.ice', conversationId: this.conversationId, candidate: event.candidate ? event.candidate.toJSON() as IceInit : null });
    };
    pc.ontrack = (event) => {
      this.audio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void this.audio.play().catch(() => undefined);
    };
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    this.send({ t: 'call.offer', conversationId: this.conversationId, sdp: offer.sdp ?? '' });
  }

  async acceptAnswer(sdp: string): Promise<void> {
    const pc = this.pc;
    if (!pc || pc.signalingState !== 'have-local-offer') return;
    await pc.setRemoteDescription({ type: 'answer', sdp });
    for (const candidate of this.pendingIce.splice(0)) await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  async addIce(candidate: IceInit | null): Promise<void> {
    const pc = this.pc;
    if (!pc || !candidate) return;
    // Candidates may arrive before the answer; they wait until the remote description is set.
    if (!pc.remoteDescription) this.pendingIce.push(candidate);
    else await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const track of this.stream?.getAudioTracks() ?? []) track.enabled = !muted;
  }

  close(): void {
    this.pc?.close();
    this.pc = undefined;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
    this.pendingIce = [];
    this.audio.srcObject = null;
  }
}
