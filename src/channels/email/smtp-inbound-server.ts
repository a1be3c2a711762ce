import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Line } from '../../core/model/index.js';
import { InboundRefusal } from '../channel-contract.js';
import type { EmailRaw } from './email-adapter.js';
import { lineForRecipients } from './parse-email.js';

export interface SmtpInboundOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  lines: () => readonly Line[];
  /** Stores the mail; resolves once it is durable (only then does the client get 250). */
  receive: (raw: EmailRaw & { kind: 'rfc822' }) => Promise<void>;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

export interface RunningSmtpInbound {
  port: number;
  close(): Promise<void>;
}

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  const error: SmtpError = new Error(message);
  error.responseCode = code;
  return error;
}

/**
 * The lines' mailboxes over SMTP. It listens on loopback by default and speaks plain SMTP
 * without AUTH or STARTTLS: a relay (the organisation's MX) sits in front of it. Unknown
 * recipients are refused at RCPT TO; the mail is acknowledged (250) only after it is stored.
 */
export async function startSmtpInbound(options: SmtpInboundOptions): Promise<RunningSmtpInbound> {
  const server = new SMTPServer({
    name: 'centraal',
    banner: 'Centraal mail intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxMessageBytes,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!lineForRecipients(options.lines(), [address.address])) return callback(smtpError(550, `5.1.1 No mailbox ${address.address} here`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message exceeds the maximum size of ${options.maxMessageBytes} bytes`));
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        options.receive({ kind: 'rfc822', source: Buffer.concat(chunks), recipients }).then(
          () => callback(null, '2.0.0 Stored'),
          (error: unknown) => {
            if (error instanceof InboundRefusal) return callback(smtpError(error.smtpCode, error.message));
            options.log('error', 'storing inbound mail failed', { error: String(error) });
            // 451: the sending server keeps the mail and tries again later; nothing is lost.
            callback(smtpError(451, '4.3.0 Temporary failure storing the message, try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error) => options.log('warn', 'smtp server error', { error: String(error) }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
