import { describe, expect, it } from 'vitest';
import { decideBookingMessage, type ChannelMessage } from '../../bots/discord/message-filter.js';

const BOT = '900000000000000001';
const BOOKING = '300000000000000001';
const THREAD_PARENT = '300000000000000003';
const config = { botUserId: BOT, bookingChannelIds: [BOOKING, THREAD_PARENT] };
const human = (content: string, extra: Partial<ChannelMessage> = {}): ChannelMessage => ({
  authorId: '500000000000000001',
  authorIsBot: false,
  channelId: BOOKING,
  content,
  ...extra,
});

describe('decideBookingMessage: who and where', () => {
  it.each([
    ['the bot itself', human('book a session tomorrow', { authorId: BOT, authorIsBot: true }), 'own_message'],
    ['another bot', human('book a session tomorrow', { authorIsBot: true }), 'from_bot'],
    ['another bot mentioning us', human(`<@${BOT}> book tomorrow`, { authorIsBot: true }), 'from_bot'],
    ['a channel that is not a booking channel', human('book a session tomorrow', { channelId: '300000000000000099' }), 'not_booking_channel'],
    ['a mention outside booking channels', human(`<@${BOT}> hi`, { channelId: '300000000000000099' }), 'not_booking_channel'],
    ['a bare mention-less empty message', human('   '), 'empty'],
  ])('ignores %s', (_label, message, reason) => {
    expect(decideBookingMessage(message, config)).toEqual({ answer: false, reason });
  });

  it('counts a thread whose parent is a booking channel', () => {
    expect(decideBookingMessage(human('book at 3pm', { channelId: '777', parentChannelId: THREAD_PARENT }), config)).toEqual({
      answer: true,
      text: 'book at 3pm',
      mentioned: false,
    });
  });
});

describe('decideBookingMessage: mentions', () => {
  it.each([
    [`<@${BOT}> can you help me?`, 'can you help me?'],
    [`hey <@!${BOT}>   tomorrow please`, 'hey tomorrow please'],
    [`<@${BOT}>`, ''],
  ])('answers %j with the mention stripped', (content, text) => {
    expect(decideBookingMessage(human(content), config)).toEqual({ answer: true, text, mentioned: true });
  });

  it('answers when Discord lists the bot as mentioned (reply ping) without <@id> in the text', () => {
    expect(decideBookingMessage(human('any news?', { mentionedUserIds: [BOT] }), config)).toEqual({
      answer: true,
      text: 'any news?',
      mentioned: true,
    });
  });
});

describe('decideBookingMessage: booking word AND time expression', () => {
  it.each([
    ['Can I book a session tomorrow at 10?'],
    ['I need to reschedule my call to Friday'],
    ['Any slot available next week?'],
    ['Is there a support session on Monday morning'],
    ['meeting at 14:30 please'],
    ['Kann ich morgen einen Termin buchen?'],
    ['Termin am Dienstag Nachmittag?'],
    ['Je voudrais un rendez-vous demain matin'],
    ['Puis-je réserver un créneau lundi ?'],
    ['¿Puedo reservar una cita para el jueves?'],
    ['Quiero agendar una llamada mañana por la tarde'],
    ['Posso agendar uma sessão amanhã?'],
    ['Gostaria de reservar um horário na sexta'],
    ['Kan ik een afspraak maken voor dinsdag?'],
    ['Ik wil morgen een gesprek boeken'],
    ['BOOKING FOR 3PM'],
  ])('answers %j', (content) => {
    expect(decideBookingMessage(human(content), config)).toEqual({ answer: true, text: content, mentioned: false });
  });

  it.each([
    ['booking word without time', 'Is support down?'],
    ['booking word without time (de)', 'Wie funktioniert das mit dem Termin?'],
    ['time without booking word', 'see you tomorrow!'],
    ['time without booking word (fr)', 'bonne soirée, à demain'],
    ['digits without booking word', 'my order 12345 never arrived'],
    ['weekday abbreviation inside another word is not a time', 'support is about money and sunny days'],
    ['chit-chat', 'lol nice'],
    ['"book" inside another word', 'facebook is down 5 times'],
  ])('ignores %s: %j', (_label, content) => {
    expect(decideBookingMessage(human(content), config)).toEqual({ answer: false, reason: 'not_a_booking_request' });
  });
});
