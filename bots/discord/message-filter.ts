/**
 * Decides whether a message written in a channel deserves a booking answer.
 * Pure: no discord.js types, no I/O.
 *
 * Rule:
 * 1. Never answer bots (including this bot itself) — that is how bot loops start.
 * 2. Only messages in a configured booking channel (or a thread under one) count.
 * 3. Answer when the message mentions the bot (`<@id>` / `<@!id>` or the
 *    mention list), whatever it says: the customer asked us directly.
 * 4. Otherwise answer only when it contains a booking word AND a plausible time
 *    expression (a digit, a weekday, today/tomorrow/next/morning/…), in any of
 *    the languages below. "Is support down?" has a booking word but no time;
 *    "see you tomorrow" has a time but no booking word: both are chatter.
 *
 * Words are matched case- and accent-insensitively at the start of a word, so
 * a stem ("book", "reserv", "schedul") also covers its inflections
 * ("booking", "reservar", "rescheduled").
 */

/** Booking words, by language. Stems are fine: matching is by word start. */
export const BOOKING_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['book', 'session', 'appointment', 'call', 'meeting', 'schedul', 'reschedul', 'slot', 'available', 'availability', 'support'],
  de: ['termin', 'buchen', 'buchung', 'gebucht', 'sitzung', 'besprechung', 'anruf', 'verschieben', 'verfügbar'],
  fr: ['rendez-vous', 'rdv', 'réserv', 'séance', 'appel', 'réunion', 'créneau', 'disponible', 'planifier'],
  es: ['cita', 'reserv', 'agendar', 'sesión', 'llamada', 'reunión', 'horario', 'disponible', 'turno'],
  pt: ['reserv', 'agendar', 'agendamento', 'marcar', 'sessão', 'chamada', 'reunião', 'horário', 'disponível', 'consulta'],
  nl: ['afspraak', 'boeken', 'geboekt', 'reserveren', 'sessie', 'gesprek', 'beschikbaar', 'inplannen'],
};

/** Time expressions, by language (a digit anywhere also counts). */
export const TIME_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['today', 'tonight', 'tomorrow', 'next', 'morning', 'afternoon', 'evening', 'noon', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'weekend'],
  de: ['heute', 'morgen', 'übermorgen', 'nächste', 'vormittag', 'nachmittag', 'abend', 'mittag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'wochenende'],
  fr: ["aujourd'hui", 'demain', 'prochain', 'matin', 'après-midi', 'soir', 'midi', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  es: ['hoy', 'mañana', 'próximo', 'próxima', 'tarde', 'noche', 'mediodía', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  pt: ['hoje', 'amanhã', 'próximo', 'próxima', 'manhã', 'tarde', 'noite', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo'],
  nl: ['vandaag', 'morgen', 'overmorgen', 'volgende', 'ochtend', 'middag', 'avond', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
};

export interface ChannelMessage {
  authorId: string;
  authorIsBot: boolean;
  channelId: string;
  /** parent channel when the message is in a thread */
  parentChannelId?: string | null;
  content: string;
  /** user ids Discord resolved as mentioned */
  mentionedUserIds?: readonly string[];
  /** A direct message to the bot: everything in it is addressed to us, like a mention. */
  directMessage?: boolean;
}

export interface MessageFilterConfig {
  botUserId: string;
  bookingChannelIds: ReadonlySet<string> | readonly string[];
}

export type MessageDecision =
  | { answer: true; text: string; mentioned: boolean }
  | { answer: false; reason: 'from_bot' | 'own_message' | 'not_booking_channel' | 'empty' | 'not_a_booking_request' };

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'");

function wordStartMatcher(lists: Readonly<Record<string, readonly string[]>>): RegExp {
  const terms = [...new Set(Object.values(lists).flat().map(fold))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // word start: not preceded by a letter or digit
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})`, 'u');
}

const BOOKING_RE = wordStartMatcher(BOOKING_WORDS);
// Time words must be whole words ("mon" must not match "money"; "sun" not "sunny").
const TIME_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...new Set(Object.values(TIME_WORDS).flat().map(fold))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}])`,
  'u',
);
const DIGIT_RE = /\p{Nd}/u;

export function decideBookingMessage(message: ChannelMessage, config: MessageFilterConfig): MessageDecision {
  if (message.authorId === config.botUserId) return { answer: false, reason: 'own_message' };
  if (message.authorIsBot) return { answer: false, reason: 'from_bot' };

  const booking = config.bookingChannelIds instanceof Set ? config.bookingChannelIds : new Set(config.bookingChannelIds);
  const inBookingChannel =
    message.directMessage === true || booking.has(message.channelId) || (message.parentChannelId != null && booking.has(message.parentChannelId));
  if (!inBookingChannel) return { answer: false, reason: 'not_booking_channel' };

  const mentionRe = new RegExp(`<@!?${config.botUserId}>`, 'g');
  const text = message.content.replace(mentionRe, ' ').replace(/\s+/g, ' ').trim();
  if (message.directMessage === true) return text === '' ? { answer: false, reason: 'empty' } : { answer: true, text, mentioned: true };
  const mentioned = mentionRe.test(message.content) || (message.mentionedUserIds ?? []).includes(config.botUserId);

  if (mentioned) return { answer: true, text, mentioned: true };
  if (text === '') return { answer: false, reason: 'empty' };

  const folded = fold(text);
  const hasBookingWord = BOOKING_RE.test(folded);
  const hasTime = DIGIT_RE.test(folded) || TIME_RE.test(folded);
  if (hasBookingWord && hasTime) return { answer: true, text, mentioned: false };
  return { answer: false, reason: 'not_a_booking_request' };
}
