import { FrameSocket } from './frame-socket.js';

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
}

async function call<T>(url: string, init: RequestInit): Promise<HttpResult<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : {}) as T };
}

/** A logged-in user of the desktop: cookie + CSRF token, and every payload received (for scans). */
export class StaffClient {
  readonly payloads: string[] = [];
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
    readonly csrf: string,
    readonly agentId: string,
  ) {}

  static async login(baseUrl: string, email: string, password = 'centraal-demo'): Promise<StaffClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const body = (await response.json()) as { csrfToken: string; agent: { id: string } };
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    return new StaffClient(baseUrl, cookie, body.csrfToken, body.agent.id);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const result = await call<T>(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    this.payloads.push(result.text);
    return result;
  }

  async socket(): Promise<FrameSocket> {
    return FrameSocket.open(`${this.baseUrl.replace('http', 'ws')}/ws`, { cookie: this.cookie });
  }
}

/** A customer in the widget: the public API and the conversation token. */
export class WidgetClient {
  constructor(
    readonly baseUrl: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  static async start(baseUrl: string, lineId: string, body: Record<string, unknown>): Promise<WidgetClient> {
    const result = await call<{ conversationId: string; token: string }>(`${baseUrl}/api/widget/v1/lines/${lineId}/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (result.status !== 201) throw new Error(`start failed: ${result.status} ${result.text}`);
    return new WidgetClient(baseUrl, result.body.conversationId, result.body.token);
  }

  socket(afterSeq?: number): Promise<FrameSocket> {
    const after = afterSeq === undefined ? '' : `&afterSeq=${afterSeq}`;
    return FrameSocket.open(`${this.baseUrl.replace('http', 'ws')}/ws?token=${encodeURIComponent(this.token)}${after}`);
  }

  request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return call<T>(`${this.baseUrl}/api/widget/v1/conversations/${this.conversationId}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
}
