/**
 * Which channels a message travels by. Chat is where it always went: the member's platform, or the
 * staff channels. Email is a second, independent copy of the same outbox row (its own row, retries
 * and audit), queued when mail is configured and the person has an address and has not chosen chat
 * only. Two rows rather than one: an SMTP outage then retries the email alone and never holds up,
 * or repeats, the chat message.
 */
import type { Config } from '../config/schema.js';
import type { Channel, Company, DeliveryChoice, Member } from '../model.js';
import type { NewOutboxMessage, Store, Tx } from '../ports/store.js';
import type { NoticeType } from './types.js';

/** Chat-only notices: they take the buttons off earlier chat messages; an email cannot be edited. */
const CHAT_ONLY: ReadonlySet<NoticeType> = new Set(['actions_expired', 'suspension_ended']);

/** The address a member's mail goes to: their own, else their company's contact (stored, then config). */
export function emailAddressFor(config: Config, member: Pick<Member, 'email'> | null, company: Pick<Company, 'name' | 'contactEmail'> | null): string | null {
  return member?.email || company?.contactEmail || (company ? config.mail?.companyContacts[company.name] : undefined) || null;
}

/** What a member gets, given their choice and whether an address is known. */
export function deliveryFor(config: Config, member: Pick<Member, 'notifyVia'>, hasAddress: boolean): DeliveryChoice {
  if (!config.mail || !hasAddress) return 'chat';
  return member.notifyVia ?? config.mail.defaultDelivery;
}

async function channelsForMember(tx: Tx, config: Config, memberId: string): Promise<Channel[]> {
  if (!config.mail) return ['chat'];
  const member = await tx.members.get(memberId);
  if (!member) return ['chat'];
  const company = member.companyId ? await tx.companies.get(member.companyId) : null;
  const choice = deliveryFor(config, member, !!emailAddressFor(config, member, company));
  return choice === 'both' ? ['chat', 'email'] : [choice];
}

export async function fanOut(tx: Tx, config: Config, messages: NewOutboxMessage[]): Promise<NewOutboxMessage[]> {
  if (!config.mail) return messages.filter((m) => !m.only || m.only === 'chat');
  const byMember = new Map<string, Channel[]>();
  const out: NewOutboxMessage[] = [];
  for (const m of messages) {
    if (m.channel) {
      out.push(m);
      continue;
    }
    let channels: Channel[];
    if (m.recipient.to === 'staff') channels = config.mail.staffAddress ? ['chat', 'email'] : ['chat'];
    else {
      const id = m.recipient.memberId;
      if (!byMember.has(id)) byMember.set(id, await channelsForMember(tx, config, id));
      channels = byMember.get(id)!;
    }
    if (m.only) channels = channels.filter((c) => c === m.only);
    if (CHAT_ONLY.has(m.notice.type)) {
      // Edits of chat messages go to chat only, and only if chat gets this person's messages at all.
      if (channels.includes('chat')) out.push({ ...m, channel: 'chat' });
      continue;
    }
    for (const channel of channels) out.push({ ...m, channel });
  }
  return out;
}

/** The store core's use cases see: every enqueue goes through the fan-out. */
export function withChannels(store: Store, config: Config): Store {
  if (!config.mail) return store;
  return {
    close: () => store.close(),
    read: (fn) => store.read(fn),
    transaction: (fn) =>
      store.transaction((tx) => {
        const outbox = { ...tx.outbox, enqueue: async (messages: NewOutboxMessage[]) => tx.outbox.enqueue(await fanOut(tx, config, messages)) };
        return fn({ ...tx, outbox });
      }),
  };
}
