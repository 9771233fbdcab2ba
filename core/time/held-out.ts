/**
 * The held-out set (issue 13): phrases of the families the issue names (ordinal days, shorthand, typos,
 * clock words, relative days and ranges, whole sentences, another language than the profile's),
 * written BEFORE the parser learned them and never used to tune it. held-out.test.ts measures the
 * share read as meant (target >= 97%) and that none is silently wrong.
 *
 * Expectation grammar (see corpus.ts for the first part):
 *   "<reading> [+length] [phone|online] [fixed]"
 * `phone`/`online`: the session kind taken from the sentence. `fixed`: the result must show a correction.
 *
 * Reference: Wed 9 June 2027, 12:00 UTC = 08:00 New York, 13:00 London, 14:00 Berlin/Madrid/Paris/
 * Amsterdam, 09:00 São Paulo. June 2027: Mon 7, 14, 21, 28; July 1 is a Thursday.
 */
import type { WorkingHours } from './phrases.js';

export interface HeldOutCase {
  text: string;
  now: string;
  zone: string;
  locale?: string;
  workingHours?: WorkingHours;
  family: string;
  expect: string;
}

const NOW = '2027-06-09T12:00:00Z';
type Row = [family: string, text: string, expect: string];

function group(zone: string, locale: string, rows: Row[]): HeldOutCase[] {
  return rows.map(([family, text, expect]) => ({ text, now: NOW, zone, locale, family, expect }));
}

export const HELD_OUT: HeldOutCase[] = [
  ...group('America/New_York', 'en-US', [
    ['ordinal', 'on the 18th at 2pm', 'exact 2027-06-18 14:00'],
    ['ordinal', 'the 22nd 10am', 'exact 2027-06-22 10:00'],
    ['ordinal', 'can we do the 30th at 11', 'exact 2027-06-30 11:00'],
    ['ordinal', '11:15 on the 16th', 'exact 2027-06-16 11:15'],
    ['ordinal', 'friday the 18th at 3', 'exact 2027-06-18 15:00'],
    ['ordinal', 'the 2nd at 10am', 'exact 2027-07-02 10:00'],
    ['ordinal', 'tuesday the 15th 9:30am', 'exact 2027-06-15 09:30'],
    ['ordinal', 'the 12th', 'window 2027-06-12 00:00 → 2027-06-13 00:00'],
    ['ordinal', 'on the 25th in the afternoon', 'window 2027-06-25 12:00 → 2027-06-25 17:00'],
    ['ordinal', 'the 1st at 4pm', 'exact 2027-07-01 16:00'],
    ['ordinal', 'the 14th at noon', 'exact 2027-06-14 12:00'],
    ['ordinal', 'monday the 21st at 2', 'exact 2027-06-21 14:00'],
    ['ordinal', 'wed the 23rd 10 am', 'exact 2027-06-23 10:00'],
    ['ordinal', 'lets say the 17th at 11am', 'exact 2027-06-17 11:00'],
    ['shorthand', 'tmrw 2pm', 'exact 2027-06-10 14:00'],
    ['shorthand', 'tmrw at 10', 'exact 2027-06-10 10:00'],
    ['shorthand', '2moro 4', 'exact 2027-06-10 16:00'],
    ['shorthand', 'tmr 11am', 'exact 2027-06-10 11:00'],
    ['shorthand', 'thu 2p', 'exact 2027-06-10 14:00'],
    ['shorthand', 'fri 10a', 'exact 2027-06-11 10:00'],
    ['shorthand', 'mon 1pm', 'exact 2027-06-14 13:00'],
    ['shorthand', 'tues 11:30a', 'exact 2027-06-15 11:30'],
    ['shorthand', 'weds 3pm', 'exact 2027-06-09 15:00'],
    ['shorthand', 'nxt fri 10am', 'exact 2027-06-18 10:00'],
    ['shorthand', 'tmrw morn', 'window 2027-06-10 09:00 → 2027-06-10 12:00'],
    ['shorthand', '2day 4pm', 'exact 2027-06-09 16:00'],
    ['shorthand', 'thurs 9:45', 'exact 2027-06-10 09:45'],
    ['shorthand', 'ok so tmrw at 3 works', 'exact 2027-06-10 15:00'],
    ['shorthand', 'umm maybe fri around 2', 'exact 2027-06-11 14:00'],
    ['typo', 'tommorow at 10', 'exact 2027-06-10 10:00 fixed'],
    ['typo', 'tomorrw 3pm', 'exact 2027-06-10 15:00 fixed'],
    ['typo', 'firday 11am', 'exact 2027-06-11 11:00 fixed'],
    ['typo', 'wendesday 2pm', 'exact 2027-06-09 14:00 fixed'],
    ['typo', 'thursdy at 4', 'exact 2027-06-10 16:00 fixed'],
    ['typo', 'mondy 9am', 'exact 2027-06-14 09:00 fixed'],
    ['typo', 'tuesdy morning', 'window 2027-06-15 09:00 → 2027-06-15 12:00 fixed'],
    ['typo', 'satuday 10am', 'exact 2027-06-12 10:00 fixed'],
    ['typo', 'tomorow afternoon', 'window 2027-06-10 12:00 → 2027-06-10 17:00 fixed'],
    ['typo', 'next fridy at 1', 'exact 2027-06-18 13:00 fixed'],
    ['typo', 'tommorrow at noon', 'exact 2027-06-10 12:00 fixed'],
    ['typo', 'thuesday 10am', 'unparseable'],
    ['clock words', 'quarter past 10 tomorrow', 'exact 2027-06-10 10:15'],
    ['clock words', 'quarter to 3 on thursday', 'exact 2027-06-10 14:45'],
    ['clock words', 'half past eleven friday', 'exact 2027-06-11 11:30'],
    ['clock words', 'tomorrow at half past 1', 'exact 2027-06-10 13:30'],
    ['clock words', 'quarter past two tmrw', 'exact 2027-06-10 14:15'],
    ['clock words', 'tomorrow at three', 'exact 2027-06-10 15:00'],
    ['clock words', 'ten thirty tomorrow', 'exact 2027-06-10 10:30'],
    ['relative', 'a week from tomorrow at 2pm', 'exact 2027-06-17 14:00'],
    ['relative', 'two weeks from today at 11', 'exact 2027-06-23 11:00'],
    ['relative', 'a week from friday', 'window 2027-06-18 00:00 → 2027-06-19 00:00'],
    ['relative', 'next week wednesday at 3', 'exact 2027-06-16 15:00'],
    ['relative', 'wednesday next week 10am', 'exact 2027-06-16 10:00'],
    ['relative', 'in a week at 10am', 'exact 2027-06-16 10:00'],
    ['range', 'between 1 and 3 tomorrow', 'window 2027-06-10 13:00 → 2027-06-10 15:00'],
    ['range', 'between 10 and 12 on friday', 'window 2027-06-11 10:00 → 2027-06-11 12:00'],
    ['range', 'anytime after 2 tomorrow', 'window 2027-06-10 14:00 → 2027-06-11 00:00'],
    ['range', 'any time after 1pm on thursday', 'window 2027-06-10 13:00 → 2027-06-11 00:00'],
    ['range', 'sometime before noon friday', 'window 2027-06-11 00:00 → 2027-06-11 12:00'],
    ['range', 'between 2pm and 4pm next tuesday', 'window 2027-06-15 14:00 → 2027-06-15 16:00'],
    ['sentence', 'can i get a phone call tmrw at 2', 'exact 2027-06-10 14:00 phone'],
    ['sentence', 'could we do a screen share friday morning', 'window 2027-06-11 09:00 → 2027-06-11 12:00 online'],
    ['sentence', 'id like a call on the 18th at 10 for an hour', 'exact 2027-06-18 10:00 +60 phone'],
    ['sentence', 'need a zoom thursday afternoon for 30 mins', 'window 2027-06-10 12:00 → 2027-06-10 17:00 +30 online'],
    ['sentence', 'is there anything free monday morning', 'window 2027-06-14 09:00 → 2027-06-14 12:00'],
    ['sentence', 'can someone call me back tomorrow between 1 and 3', 'window 2027-06-10 13:00 → 2027-06-10 15:00 phone'],
    ['sentence', 'book me a video session next tue at 11', 'exact 2027-06-15 11:00 online'],
    ['sentence', 'hey can you ring me fri at 4', 'exact 2027-06-11 16:00 phone'],
    ['sentence', 'phone call for half an hour tmrw 10am', 'exact 2027-06-10 10:00 +30 phone'],
    ['sentence', 'could i have a call around 3 tomorrow please', 'exact 2027-06-10 15:00 phone'],
    ['sentence', 'screenshare on the 22nd at 2pm for an hour', 'exact 2027-06-22 14:00 +60 online'],
    ['other language', 'mañana a las 11', 'exact 2027-06-10 11:00'],
    ['other language', 'manana a las 4', 'exact 2027-06-10 16:00'],
    ['other language', 'morgen um 14 uhr', 'exact 2027-06-10 14:00'],
    ['other language', 'demain à 10h', 'exact 2027-06-10 10:00'],
    ['other language', 'amanhã às 15h', 'exact 2027-06-10 15:00'],
    ['other language', 'viernes a las 10', 'exact 2027-06-11 10:00'],
    ['other language', 'freitag um 9', 'exact 2027-06-11 09:00'],
    ['other language', 'vrijdag om 11 uur', 'exact 2027-06-11 11:00'],
  ]),
  ...group('Europe/London', 'en-GB', [
    ['clock words', 'half nine tomorrow', 'exact 2027-06-10 09:30'],
    ['clock words', 'half ten on monday', 'exact 2027-06-14 10:30'],
    ['clock words', 'tomorrow at half two', 'exact 2027-06-10 14:30'],
    ['clock words', 'quarter past nine fri', 'exact 2027-06-11 09:15'],
    ['clock words', 'the 21st at half 11', 'exact 2027-06-21 11:30'],
    ['clock words', 'tmrw half 3', 'exact 2027-06-10 15:30'],
    ['clock words', 'thurs at quarter to 4', 'exact 2027-06-10 15:45'],
    ['sentence', 'give us a ring tomorrow at 11', 'exact 2027-06-10 11:00 phone'],
  ]),
  ...group('Europe/Berlin', 'de-DE', [
    ['clock words', 'morgen um halb elf', 'exact 2027-06-10 10:30'],
    ['clock words', 'freitag um viertel nach 10', 'exact 2027-06-11 10:15'],
    ['clock words', 'montag um viertel vor 3', 'exact 2027-06-14 14:45'],
    ['clock words', 'übermorgen halb drei', 'exact 2027-06-11 14:30'],
    ['ordinal', 'am 21. um 14 uhr', 'exact 2027-06-21 14:00'],
    ['range', 'zwischen 10 und 12 am donnerstag', 'window 2027-06-10 10:00 → 2027-06-10 12:00'],
    ['range', 'morgen ab 15 uhr', 'window 2027-06-10 15:00 → 2027-06-11 00:00'],
    ['relative', 'nächste woche dienstag um 10', 'exact 2027-06-15 10:00'],
    ['typo', 'morgn um 11', 'exact 2027-06-10 11:00 fixed'],
    ['typo', 'donnerstg 10 uhr', 'exact 2027-06-10 10:00 fixed'],
    ['sentence', 'anruf morgen um 11', 'exact 2027-06-10 11:00 phone'],
    ['other language', 'tomorrow at 4pm', 'exact 2027-06-10 16:00'],
  ]),
  ...group('Europe/Amsterdam', 'nl-NL', [
    ['clock words', 'morgen om half 11', 'exact 2027-06-10 10:30'],
    ['clock words', 'vrijdag om kwart over 2', 'exact 2027-06-11 14:15'],
    ['clock words', 'maandag kwart voor 10', 'exact 2027-06-14 09:45'],
    ['clock words', 'dinsdag om half 4', 'exact 2027-06-15 15:30'],
    ['range', 'donderdag tussen 1 en 3', 'window 2027-06-10 13:00 → 2027-06-10 15:00'],
    ['relative', 'volgende week woensdag om 10', 'exact 2027-06-16 10:00'],
    ['typo', 'vrijdg om 11', 'exact 2027-06-11 11:00 fixed'],
  ]),
  ...group('Europe/Madrid', 'es-ES', [
    ['clock words', 'mañana a las 10 y media', 'exact 2027-06-10 10:30'],
    ['clock words', 'el viernes a las 4 menos cuarto', 'exact 2027-06-11 15:45'],
    ['ordinal', 'el 21 a las 12', 'exact 2027-06-21 12:00'],
    ['range', 'entre las 10 y las 12 del jueves', 'window 2027-06-10 10:00 → 2027-06-10 12:00'],
    ['shorthand', 'mñn a las 11', 'exact 2027-06-10 11:00'],
    ['shorthand', 'miercoles a las 5', 'exact 2027-06-09 17:00'],
    ['sentence', 'llamada mañana a las 3', 'exact 2027-06-10 15:00 phone'],
  ]),
  ...group('Europe/Paris', 'fr-FR', [
    ['clock words', 'demain à 10h et demie', 'exact 2027-06-10 10:30'],
    ['clock words', 'vendredi à 15h moins le quart', 'exact 2027-06-11 14:45'],
    ['ordinal', 'le 21 à 14h', 'exact 2027-06-21 14:00'],
    ['range', 'jeudi entre 14h et 16h', 'window 2027-06-10 14:00 → 2027-06-10 16:00'],
    ['typo', 'demian à 11h', 'exact 2027-06-10 11:00 fixed'],
    ['range', 'lundi apres 14h', 'window 2027-06-14 14:00 → 2027-06-15 00:00'],
  ]),
  ...group('America/Sao_Paulo', 'pt-BR', [
    ['clock words', 'amanhã às 10 e meia', 'exact 2027-06-10 10:30'],
    ['shorthand', 'amanha as 15h', 'exact 2027-06-10 15:00'],
    ['ordinal', 'dia 21 às 14h', 'exact 2027-06-21 14:00'],
    ['range', 'sexta entre 14h e 16h', 'window 2027-06-11 14:00 → 2027-06-11 16:00'],
    ['sentence', 'ligação amanhã às 11', 'exact 2027-06-10 11:00 phone'],
    ['range', 'quinta depois das 15h', 'window 2027-06-10 15:00 → 2027-06-11 00:00'],
  ]),
];
