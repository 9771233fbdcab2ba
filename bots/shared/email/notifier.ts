/**
 * The email channel's Notifier: outbox rows with channel 'email' become one message each, sent over
 * SMTP with nodemailer (SMTP_URL), with the booking's calendar file attached where the notice
 * changes a calendar. Results map onto the same retry rules as the chat platforms: a connection
 * problem or a 4xx answer is retried with backoff, a 5xx answer about the recipient is final.
 */
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Config } from '../../../core/config/schema.js';
import type { DeliveryResult, Notifier, OutboxMessage } from '../../../core/notifications/types.js';
import { bookingIcs, icsMethodFor } from './ics.js';
import { renderEmail } from './render.js';
import { resolveLang } from '../present/i18n.js';

export interface EmailNotifierOptions {
  config: Config;
  /** An SMTP URL (smtp://user:pass@host:587, smtps://… for implicit TLS) or a ready transporter (tests). */
  smtpUrl?: string;
  transporter?: Transporter;
  now: () => Date;
  /** Give up on a connection after this long (ms); the sweeper retries later. */
  timeoutMs?: number;
}

export interface EmailNotifier extends Notifier {
  close(): void;
}

/** Nodemailer's error for an SMTP answer: `responseCode` 4xx is temporary, 5xx permanent. */
function classify(e: unknown): DeliveryResult {
  const err = e as { responseCode?: number; code?: string; message?: string };
  const error = `${err.code ?? 'error'}: ${err.message ?? String(e)}`.slice(0, 500);
  if (typeof err.responseCode === 'number' && err.responseCode >= 500 && err.code !== 'ETIMEDOUT') return { kind: 'failed', error };
  return { kind: 'retry', error };
}

export function createEmailNotifier(opts: EmailNotifierOptions): EmailNotifier {
  const { config } = opts;
  const timeout = opts.timeoutMs ?? 20_000;
  const transporter =
    opts.transporter ??
    nodemailer.createTransport(opts.smtpUrl ?? '', {
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    });
  return {
    async deliver(m: OutboxMessage): Promise<DeliveryResult> {
      if (!config.mail) return { kind: 'failed', error: 'mail is not configured' };
      if (!m.email) return { kind: 'failed', error: 'no email address' };
      const content = renderEmail(m.notice, config, m);
      const method = 'booking' in m.notice ? icsMethodFor(m.notice) : null;
      // The calendar file in the email's language: the member's, or the vendor's for the staff inbox.
      const vendorLang = resolveLang(config.vendor.locale);
      const lang = m.recipient.to === 'member' ? resolveLang(m.locale, vendorLang) : vendorLang;
      const ics = method && 'booking' in m.notice && m.notice.booking.startsAt ? bookingIcs(config, m.notice.booking, { method, stamp: opts.now(), attendee: m.recipient.to === 'member' ? m.email : null, lang }) : null;
      try {
        const info = await transporter.sendMail({
          from: config.mail.from,
          ...(config.mail.replyTo ? { replyTo: config.mail.replyTo } : {}),
          to: m.email,
          subject: content.subject,
          text: content.text,
          html: content.html,
          // The outbox row id makes the Message-ID stable: a retried send is recognisably the same mail.
          messageId: `<${m.id}@slotkeeper>`,
          headers: { 'X-Slotkeeper-Notice': m.notice.type, 'Auto-Submitted': 'auto-generated' },
          ...(ics
            ? {
                icalEvent: { method: method!, filename: 'invite.ics', content: ics },
                attachments: [{ filename: `${'booking' in m.notice ? m.notice.booking.reference : 'session'}.ics`, content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }],
              }
            : {}),
        });
        return { kind: 'sent', ref: JSON.stringify({ messageId: info.messageId }) };
      } catch (e) {
        return classify(e);
      }
    },
    close: () => transporter.close(),
  };
}
