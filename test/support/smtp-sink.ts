import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
}

/**
 * A second, real SMTP server on 127.0.0.1 standing in for the customer's mail provider:
 * it keeps every mail Centraal sends. Recipients whose address contains "refuse" get a 550,
 * like a mailbox that does not exist.
 */
export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private waiters: Array<{ match: (m: SunkMail) => boolean; resolve: (m: SunkMail) => void }> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?ignoreTLS=true`;
  }

  static async start(port = 0): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.includes('refuse')) {
          const error: Error & { responseCode?: number } = new Error('5.1.1 No such user here');
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then((parsed) => {
            sink!.add({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed, raw: raw.toString('utf8') });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  private add(mail: SunkMail): void {
    this.mails.push(mail);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(mail)) return true;
      w.resolve(mail);
      return false;
    });
  }

  next(match: (m: SunkMail) => boolean, timeoutMs = 10_000): Promise<SunkMail> {
    const found = this.mails.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching mail reached the sink in ${timeoutMs} ms (got ${this.mails.length})`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
