import type { Core } from '../../../core/index.js';
import { at } from './format.js';
import { esc, section, type SlackMessage } from './kit.js';

export type Profile = Extract<Awaited<ReturnType<Core['showProfile']>>, { kind: 'profile' }>['profile'];

export function profileText(p: Profile, zone: string): string {
  const plan = p.planActive ? `active${p.planUntil ? ` until ${at(p.planUntil, zone)}` : ''}` : 'not active';
  return [
    `*Company:* ${esc(p.companyName)}`,
    `*Maintenance code:* ${p.code ? `\`${esc(p.code)}\` (you can share it with all your staff)` : 'not set'}`,
    `*Maintenance plan:* ${plan}`,
    `*No-shows:* ${p.strikes} of ${p.strikeLimit}${p.suspended ? ' (free sessions suspended)' : ''}`,
  ].join('\n');
}

/** /support-code with no code: the company and its code. */
export function profileMessage(p: Profile, zone: string): SlackMessage {
  return { text: `Linked to ${p.companyName}`, blocks: [section(`:office: You are linked to your company.\n${profileText(p, zone)}`)] };
}

export function linkedMessage(p: Profile, zone: string): SlackMessage {
  return { text: `Linked to ${p.companyName}`, blocks: [section(`:link: *Linked.* From now on your bookings use your company's maintenance plan; you will not need the code again.\n${profileText(p, zone)}`)] };
}

export function notLinkedMessage(): SlackMessage {
  const text =
    'You are not linked to a company yet. Enter your maintenance code with `/support-code YOUR-CODE`. If you forgot it, a colleague who is linked can see it with `/support-code`, or log into your support account and open your Profile page.';
  return { text, blocks: [section(text)] };
}
