import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file uploaded to `POST /{version}/{phone-number-id}/media` (multipart, as Meta documents it). */
export interface GraphUpload {
  id: string;
  /** The `type` form field (the file's MIME type). */
  type: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** A customer's media the fake holds, as `GET /{media-id}` then its URL serve it. */
export interface GraphMedia {
  mimeType: string;
  bytes: Buffer;
  /** Answers this many info requests with a 500 (Meta's code 2, temporarily unavailable) first. */
  failuresLeft: number;
  /** The `file_size` the info reports (default: the real size), to test a provider that under-reports. */
  reportedSize?: number;
}

export interface GraphRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A local HTTP server standing in for the WhatsApp Cloud API send endpoint
 * (`POST /{version}/{phone-number-id}/messages`). It checks the request the way the real API
 * documents it (bearer token, JSON, messaging_product, to, type and the object of that type)
 * and answers with Meta's response or error shape. A recipient starting with 3249 is refused
 * with error 131026 (message undeliverable).
 */
export class LocalGraphApi {
  readonly requests: GraphRequest[] = [];
  readonly uploads: GraphUpload[] = [];
  readonly media = new Map<string, GraphMedia>();
  /** Every media info and download request (path and whether it carried the right bearer token). */
  readonly mediaRequests: Array<{ path: string; authorised: boolean }> = [];
  private counter = 0;
  private waiters: Array<{ match: (r: GraphRequest) => boolean; resolve: (r: GraphRequest) => void }> = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly token: string,
  ) {}

  static async start(token: string): Promise<LocalGraphApi> {
    let api: LocalGraphApi | undefined;
    const server = createServer((request, response) => {
      void readBody(request).then(async (raw) => {
        if (request.method === 'GET') {
          const answer = api!.handleMediaGet(request);
          if (Buffer.isBuffer(answer.body)) {
            response.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/octet-stream', 'content-length': answer.body.length });
            response.end(answer.body);
          } else {
            response.writeHead(answer.status, { 'content-type': 'application/json' });
            response.end(JSON.stringify(answer.body));
          }
          return;
        }
        const { status, body } = /\/media$/.test(request.url ?? '') ? await api!.handleUpload(request, raw) : api!.handle(request, raw.toString('utf8'));
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    api = new LocalGraphApi(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token);
    return api;
  }

  next(match: (r: GraphRequest) => boolean, timeoutMs = 10_000): Promise<GraphRequest> {
    const found = this.requests.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching Graph API request in ${timeoutMs} ms (got ${this.requests.length})`)), timeoutMs);
      this.waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** Holds a customer's media under this id (what a webhook's `image.id` refers to). */
  addMedia(id: string, mimeType: string, bytes: Buffer, options: { failFirst?: number; reportedSize?: number } = {}): void {
    this.media.set(id, { mimeType, bytes, failuresLeft: options.failFirst ?? 0, ...(options.reportedSize !== undefined ? { reportedSize: options.reportedSize } : {}) });
  }

  /**
   * `GET /{version}/{media-id}` answers Meta's `{messaging_product, url, mime_type, sha256, file_size, id}`;
   * `GET /media-download/{id}` (the URL it gave) answers the bytes. Both need the bearer token, as Meta's do.
   */
  private handleMediaGet(request: IncomingMessage): { status: number; body: unknown; contentType?: string } {
    const path = request.url ?? '';
    const authorised = request.headers.authorization === `Bearer ${this.token}`;
    this.mediaRequests.push({ path, authorised });
    const download = /^\/media-download\/([\w.-]+)$/.exec(path);
    const info = /^\/v\d+\.\d+\/([\w.-]+)$/.exec(path);
    if (!download && !info) return graphError(404, 100, `Unknown path components: ${path}`);
    if (!authorised) return graphError(401, 190, 'Invalid OAuth access token');
    const id = decodeURIComponent((download ?? info)![1]!);
    const media = this.media.get(id);
    if (!media) return graphError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist`);
    if (download) return { status: 200, body: media.bytes, contentType: media.mimeType };
    if (media.failuresLeft > 0) {
      media.failuresLeft -= 1;
      return graphError(500, 2, 'Service temporarily unavailable');
    }
    const sha256 = createHash('sha256').update(media.bytes).digest('base64');
    return { status: 200, body: { messaging_product: 'whatsapp', url: `${this.url}/media-download/${encodeURIComponent(id)}`, mime_type: media.mimeType, sha256, file_size: media.reportedSize ?? media.bytes.length, id } };
  }

  /** The media endpoint: bearer token, multipart with messaging_product, type and file; answers `{id}`. */
  private async handleUpload(request: IncomingMessage, raw: Buffer): Promise<{ status: number; body: unknown }> {
    if (request.method !== 'POST' || !/^\/(v\d+\.\d+)\/(\d+)\/media$/.test(request.url ?? '')) return graphError(404, 100, `Unknown path components: ${request.url}`);
    if (request.headers.authorization !== `Bearer ${this.token}`) return graphError(401, 190, 'Invalid OAuth access token');
    const contentType = String(request.headers['content-type'] ?? '');
    if (!contentType.startsWith('multipart/form-data')) return graphError(400, 100, 'The media upload must be multipart/form-data');
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    } catch {
      return graphError(400, 100, 'Invalid multipart body');
    }
    const file = form.get('file');
    const type = form.get('type');
    if (form.get('messaging_product') !== 'whatsapp') return graphError(400, 100, '(#100) messaging_product must be whatsapp');
    if (typeof type !== 'string' || !(file instanceof Blob)) return graphError(400, 100, '(#100) type and file are required');
    const upload: GraphUpload = { id: `media.LOCAL${String(++this.counter).padStart(6, '0')}`, type, filename: (file as File).name, contentType: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
    this.uploads.push(upload);
    return { status: 200, body: { id: upload.id } };
  }

  private handle(request: IncomingMessage, raw: string): { status: number; body: unknown } {
    const match = /^\/(v\d+\.\d+)\/(\d+)\/messages$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) return graphError(404, 100, `Unknown path components: ${request.url}`);
    if (request.headers.authorization !== `Bearer ${this.token}`) return graphError(401, 190, 'Invalid OAuth access token');
    if (!String(request.headers['content-type']).startsWith('application/json')) return graphError(400, 100, 'Content-Type must be application/json');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return graphError(400, 100, 'Invalid JSON');
    }
    const recorded = { path: request.url!, authorization: request.headers.authorization, body };
    const problem = checkMessage(body, new Set(this.uploads.map((u) => u.id)));
    if (problem) return graphError(400, 100, `(#100) ${problem}`);
    this.requests.push(recorded);
    this.waiters = this.waiters.filter((w) => (w.match(recorded) ? (w.resolve(recorded), false) : true));
    if (String(body.to).startsWith('3249')) return graphError(400, 131026, 'Message undeliverable', 'The recipient number is not on WhatsApp.');
    const id = `wamid.LOCAL${String(++this.counter).padStart(6, '0')}`;
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] } };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The documented shape of a send request; the first problem, or null. */
function checkMessage(body: Record<string, unknown>, mediaIds: ReadonlySet<string>): string | null {
  if (body.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (typeof body.to !== 'string' || !/^\d{6,15}$/.test(body.to)) return 'to must be a phone number in international format without +';
  const type = body.type;
  if (type === 'text') {
    const text = body.text as { body?: unknown } | undefined;
    if (typeof text?.body !== 'string' || text.body.length === 0 || text.body.length > 4096) return 'text.body must be 1–4096 characters';
    return null;
  }
  if (type === 'template') {
    const t = body.template as { name?: unknown; language?: { code?: unknown }; components?: unknown } | undefined;
    if (typeof t?.name !== 'string' || typeof t.language?.code !== 'string') return 'template.name and template.language.code are required';
    if (t.components !== undefined && !Array.isArray(t.components)) return 'template.components must be an array';
    for (const c of (t.components ?? []) as Array<{ type?: unknown; parameters?: Array<{ type?: unknown; text?: unknown }> }>) {
      if (c.type !== 'body' && c.type !== 'header' && c.type !== 'button') return 'component type must be body, header or button';
      if (!Array.isArray(c.parameters) || c.parameters.some((p) => p.type !== 'text' || typeof p.text !== 'string')) return 'parameters must be [{type: text, text}]';
    }
    return null;
  }
  if (type === 'image' || type === 'document' || type === 'audio' || type === 'video') {
    const media = body[type] as { link?: unknown; id?: unknown } | undefined;
    if (typeof media?.link !== 'string' && typeof media?.id !== 'string') return `${type}.link or ${type}.id is required`;
    if (typeof media.id === 'string' && !mediaIds.has(media.id)) return `${type}.id ${media.id} is not an uploaded media`;
    return null;
  }
  return `unsupported type ${String(type)}`;
}

function graphError(status: number, code: number, message: string, details?: string) {
  return { status, body: { error: { message, type: 'OAuthException', code, ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}), fbtrace_id: 'AbCdEf123' } } };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
