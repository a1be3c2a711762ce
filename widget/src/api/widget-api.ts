/** A line's pre-chat choices, as `GET /api/widget/v1/lines/:lineId` returns them. */
export interface LineInfo {
  id: string;
  name: string;
  languages: string[];
  anonymous: boolean;
  open: boolean;
  /** `voice` in the list: the widget offers a call. */
  channels?: string[];
  topics: Array<{ id: string; label: Partial<Record<string, string>> }>;
}

export interface StartContext {
  page?: string;
  selfServiceSteps?: string[];
  customerRef?: string;
  customerRefSignature?: string;
}

export interface StartRequest {
  channel?: 'chat' | 'voice';
  language: string;
  topicId?: string;
  visitorId: string;
  context: StartContext;
}

export interface Started {
  conversationId: string;
  token: string;
}

/** An error response of the widget API (`{error:{code,message,retryable?}}`, see docs/errors.md). */
export class WidgetApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The public widget HTTP API; `base` is the origin the widget script was loaded from. */
export class WidgetApi {
  constructor(
    private readonly base: string,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  getLine(lineId: string): Promise<LineInfo> {
    return this.request<LineInfo>('GET', `/api/widget/v1/lines/${encodeURIComponent(lineId)}`);
  }

  start(lineId: string, body: StartRequest): Promise<Started> {
    return this.request<Started>('POST', `/api/widget/v1/lines/${encodeURIComponent(lineId)}/conversations`, body);
  }

  end(conversationId: string, token: string): Promise<{ ok: boolean }> {
    return this.request('POST', `/api/widget/v1/conversations/${encodeURIComponent(conversationId)}/end`, undefined, token);
  }

  surveyStatus(conversationId: string, token: string): Promise<{ open: boolean }> {
    return this.request('GET', `/api/widget/v1/conversations/${encodeURIComponent(conversationId)}/survey`, undefined, token);
  }

  submitSurvey(conversationId: string, token: string, answer: { nps?: number; helpfulness?: number; comment?: string }): Promise<{ ok: boolean }> {
    return this.request('POST', `/api/widget/v1/conversations/${encodeURIComponent(conversationId)}/survey`, answer, token);
  }

  /** A file an agent sent in the conversation (the token proves it is this customer's). */
  async attachment(conversationId: string, token: string, attachmentId: string): Promise<Blob> {
    const response = await this.fetchImpl(`${this.base}/api/widget/v1/conversations/${encodeURIComponent(conversationId)}/attachments/${encodeURIComponent(attachmentId)}`, {
      headers: { authorization: `Bearer ${token}` },
      credentials: 'omit',
    });
    if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
    return response.blob();
  }

  /** Whether a stored token still opens its conversation (after a reload, or a socket that keeps failing). */
  async tokenStillValid(conversationId: string, token: string, afterSeq: number): Promise<boolean | undefined> {
    try {
      await this.request('GET', `/api/widget/v1/conversations/${encodeURIComponent(conversationId)}/events?after=${afterSeq}`, undefined, token);
      return true;
    } catch (error) {
      if (error instanceof WidgetApiError && (error.status === 401 || error.status === 404)) return false;
      return undefined;
    }
  }

  private async request<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await this.fetchImpl(this.base + path, {
      method,
      headers,
      credentials: 'omit',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw toApiError(response.status, json);
    return json as T;
  }
}

function toApiError(status: number, json: unknown): WidgetApiError {
  const error = typeof json === 'object' && json !== null ? (json as { error?: { code?: unknown; message?: unknown } }).error : undefined;
  const code = typeof error?.code === 'string' ? error.code : 'HTTP_' + status;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new WidgetApiError(code, status, message);
}
