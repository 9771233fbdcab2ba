import { describe, expect, it } from 'vitest';
import { fitLength, splitRequest } from './request-words.js';

const LENGTHS = [30, 60];

describe('splitRequest: the kind and length words around a time', () => {
  it.each([
    ['phone tomorrow at 3 for an hour', 'phone', 60, 'tomorrow at 3'],
    ['can I book a phone session tomorrow at 3pm?', 'phone', null, 'tomorrow at 3pm'],
    ['online next tue 10:30am 30 min', 'online', 30, 'next tue 10:30am'],
    ['tomorrow 3pm phone 60', 'phone', 60, 'tomorrow 3pm'],
    ['friday afternoon for half an hour', null, 30, 'friday afternoon'],
    ['in 2 hours', null, null, 'in 2 hours'],
    ['in 30 minutes for 30 min', null, 30, 'in 30 minutes'],
    ['within 90 minutes', null, null, 'within 90 minutes'],
    ['morgen um 15 Uhr telefon', 'phone', null, 'morgen um 15 Uhr'],
    ['dans 2 heures', null, null, 'dans 2 heures'],
    ['tomorrow 10am 1.5h', null, 90, 'tomorrow 10am'],
    // A number after a clock word is a time, not a length.
    ['bellen dinsdag om 3 uur', 'phone', null, 'dinsdag om 3 uur'],
    ['demain à 9h et demie', null, null, 'demain à 9h et demie'],
    ['a 30 min call tomorrow at 3', 'phone', 30, 'tomorrow at 3'],
    // "a week" stays whole: "a week from friday" is not "friday".
    ['a call a week from friday', 'phone', null, 'a week from friday'],
    ['can i get a call friday morning?', 'phone', null, 'friday morning'],
    ['could we do a screen share for an hour', 'online', 60, ''],
    // Lengths are read as written, offered or not (understandRequest says when one is not).
    ['tomorrow 3pm for 45 minutes', null, 45, 'tomorrow 3pm'],
    ['tomorrow 3pm for 2 hours', null, 120, 'tomorrow 3pm'],
    ['tomorrow 3pm for an hour and a half', null, 90, 'tomorrow 3pm'],
    ['tomorrow 3pm for 2 hours and a half', null, 150, 'tomorrow 3pm'],
    ['tomorrow 3pm for 1 hour and 30 minutes', null, 90, 'tomorrow 3pm'],
    ['tomorrow 3pm 1h30m', null, 90, 'tomorrow 3pm'],
    ['tomorrow 3pm for 0 minutes', null, 0, 'tomorrow 3pm'],
    // A minus sign stays with its number: -30 is not 30.
    ['tomorrow 3pm -30 minutes', null, -30, 'tomorrow 3pm'],
    ['tomorrow 3pm for -1 hour', null, -60, 'tomorrow 3pm'],
  ])('%s', (text, kind, length, rest) => {
    expect(splitRequest(text, LENGTHS)).toEqual({ kind, lengthMinutes: length, timeText: rest });
  });
});

describe('fitLength', () => {
  it('takes the allowed length nearest to what was asked, the shorter on a tie, else the shortest', () => {
    expect(fitLength(null, LENGTHS)).toBe(30);
    expect(fitLength(50, LENGTHS)).toBe(60);
    expect(fitLength(45, LENGTHS)).toBe(30);
    expect(fitLength(120, LENGTHS)).toBe(60);
  });
});
