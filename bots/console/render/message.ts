/** What the console shows: a message of plain text and the buttons that make sense under it. */

/** Button actions the console understands (the same choices Slack and Discord offer as buttons). */
export const BUTTON_ACTIONS = [
  'book', // confirm a proposed time or pick an offered slot: value = startsAt|kind|length|free|pay
  'cancel', // ask to cancel: shows the "are you sure?" step
  'cancel-yes',
  'keep',
  'reschedule', // shows free times to move to
  'move', // value = bookingId|startsAt
  'join', // opens the tracked join link: value = join token
  'approve',
  'decline', // value = bookingId; the page asks for a reason
  'squeeze', // value = bookingId|staffId|startsAt
  'joined', // staff: customer joined; value = bookingId|online|phone
  'staff-cancel', // staff cancel with a reason
  'reinstate', // staff: record the reinstatement payment; value = company name
  'emergency', // send an emergency request at the standard fee (no plan, or suspended); value = description
] as const;

export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export interface ConsoleButton {
  label: string;
  action: ButtonAction;
  value: string;
  style?: 'primary' | 'danger';
}

export interface ConsoleMessage {
  text: string;
  buttons: ConsoleButton[];
}

export function message(lines: Array<string | null | undefined | false>, buttons: ConsoleButton[] = []): ConsoleMessage {
  return { text: lines.filter((l): l is string => typeof l === 'string' && l !== '').join('\n'), buttons };
}

export function isButtonAction(x: unknown): x is ButtonAction {
  return typeof x === 'string' && (BUTTON_ACTIONS as readonly string[]).includes(x);
}
