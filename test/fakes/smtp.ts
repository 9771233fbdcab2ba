/** A real SMTP server for tests (smtp-server), keeping every message it receives parsed by mailparser. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import net, { type AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';

export interface ReceivedMail {
  envelopeTo: string[];
  envelopeFrom: string;
  parsed: ParsedMail;
  raw: string;
}

export class TestSmtp {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;
  /** Answer the next RCPT TO with this code (e.g. 451 temporary, 550 permanent). */
  rejectNext: number | null = null;

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        if (this.rejectNext) {
          const code = this.rejectNext;
          this.rejectNext = null;
          const err = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.mails.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            parsed: await simpleParser(raw),
            raw,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /**
   * nodemailer's SMTP transport to this server over one pooled connection whose socket sends at once
   * (no Nagle delay). With nodemailer's own sockets each message waits about 40 ms: the end of the
   * data (a small write after the body) is held until the server acknowledges the body, which it
   * delays; and a new connection waits 100 ms for smtp-server's greeting (its early-talker check).
   */
  pooledTransport(timeoutMs: number): Transporter {
    return nodemailer.createTransport({
      host: '127.0.0.1',
      port: this.port,
      secure: false,
      pool: true,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs * 2,
      getSocket: (_options, callback) => {
        const socket = net.connect({ host: '127.0.0.1', port: this.port });
        socket.setNoDelay(true);
        const failed = (error: Error) => callback(error, null);
        socket.once('error', failed);
        socket.once('connect', () => {
          socket.off('error', failed);
          callback(null, { connection: socket });
        });
      },
    });
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Mails whose X-Slotkeeper-Notice header is this type. */
  ofType(type: string): ReceivedMail[] {
    return this.mails.filter((m) => m.parsed.headers.get('x-slotkeeper-notice') === type);
  }

  /** The .ics attachment of a mail, as text. */
  static ics(m: ReceivedMail): string | null {
    const a = m.parsed.attachments.find((x) => x.filename?.endsWith('.ics'));
    return a ? a.content.toString('utf8') : null;
  }
}
