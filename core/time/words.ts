/**
 * The tables for the way people actually type (issue 13), beside the fixed-readings table in phrases.ts.
 * One table per language where it matters; README.md documents them.
 *
 * - SHORTHANDS: abbreviations written out before anything reads the text ("tmrw" → tomorrow). Silent:
 *   a shorthand is a word the person meant to write, so no correction is shown.
 * - TYPO_TARGETS: the words a misspelling is compared with ("tomorow" → tomorrow). A correction is
 *   always shown in the readback ("read 'tomorow' as tomorrow"); a word close to two targets
 *   ("thuesday": Tuesday or Thursday) is refused with a hint, never dropped.
 * - NOT_TYPOS: ordinary words that are close to a target and must be left alone.
 * - NUMBER_WORDS, WEEKDAYS: for clock words ("half past two", "halb zehn") and ordinal days ("Monday the 7th").
 * - MARKERS: words that show a text is written in a language, so an English-profile person typing
 *   "mañana a las 10" is read in Spanish as well.
 */
import type { Lang } from './text.js';

export const SHORTHANDS: Record<Lang, Record<string, string>> = {
  en: {
    tmrw: 'tomorrow', tmr: 'tomorrow', tmrow: 'tomorrow', tmro: 'tomorrow', tmw: 'tomorrow', tmrrw: 'tomorrow', tomo: 'tomorrow', tomoz: 'tomorrow',
    '2moro': 'tomorrow', '2morrow': 'tomorrow', '2mrw': 'tomorrow', '2mro': 'tomorrow', '2morow': 'tomorrow',
    '2day': 'today', tdy: 'today', tday: 'today', '2nite': 'tonight', '2night': 'tonight', tonite: 'tonight', tnite: 'tonight',
    weds: 'wednesday', wednes: 'wednesday', tues: 'tuesday', thr: 'thursday', thrs: 'thursday', thurs: 'thursday', thur: 'thursday', frid: 'friday',
    nxt: 'next', wk: 'week', morn: 'morning', arvo: 'afternoon', aftn: 'afternoon', eve: 'evening', anytime: 'any time',
  },
  de: { mrgn: 'morgen', nä: 'nächste', nächst: 'nächsten', naechsten: 'nächsten', nachm: 'nachmittag', vorm: 'vormittag', mo: 'montag', di: 'dienstag', mi: 'mittwoch', fr: 'freitag' },
  fr: { aprés: 'après', dem: 'demain', dmn: 'demain', ajd: "aujourd'hui", auj: "aujourd'hui", aprem: 'après-midi', apres: 'après' },
  es: { mñn: 'mañana', mñna: 'mañana', mna: 'mañana', manana: 'mañana', mnn: 'mañana', miercoles: 'miércoles', sabado: 'sábado', prox: 'próximo', proximo: 'próximo', despues: 'después' },
  pt: { as: 'às', amanha: 'amanhã', amnh: 'amanhã', amh: 'amanhã', hj: 'hoje', terca: 'terça', sabado: 'sábado', prox: 'próxima', proxima: 'próxima', seg: 'segunda', ter: 'terça', qua: 'quarta', qui: 'quinta', sex: 'sexta' },
  nl: { mrgn: 'morgen', vrijd: 'vrijdag', volg: 'volgende', vd: 'vandaag' },
};

/** Day words a misspelling is compared with, per language. English is always included. */
export const TYPO_TARGETS: Record<Lang, string[]> = {
  en: ['today', 'tonight', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morning', 'afternoon', 'evening'],
  de: ['heute', 'morgen', 'übermorgen', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'vormittag', 'nachmittag'],
  fr: ['demain', "aujourd'hui", 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'après-midi'],
  es: ['mañana', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  pt: ['amanhã', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo'],
  nl: ['vandaag', 'morgen', 'overmorgen', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'ochtend', 'middag'],
};

/**
 * Words whose misspelling is refused rather than ignored when it is two edits away and cannot be
 * corrected with confidence: the day words (a dropped "tmorow" would silently mean today).
 */
export const DAY_TARGETS = new Set(['today', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'morgen', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'demain', 'mercredi', 'vendredi', 'dimanche', 'mañana', 'miércoles', 'viernes', 'domingo', 'amanhã', 'segunda', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']);

/** Real words close to a target: never corrected. */
export const NOT_TYPOS = new Set([
  'mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'mornings', 'evenings', 'afternoons', 'todays', 'tomorrows',
  'text', 'nest', 'neat', 'news', 'newt', 'toad', 'tidy', 'toda', 'todo', 'toy', 'tod', 'nec', 'nix', 'net', 'nes', 'tex', 'ext',
  'sunny', 'monkey', 'moving', 'total', 'fridge', 'sundae', 'sundry', 'mourning', 'morgan', 'toddy', 'turkey', 'thirsty', 'evenly', 'opening', 'meeting',
  'morgens', 'montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags', 'samstags', 'sonntags', 'abends', 'vormittags', 'nachmittags', 'heutige',
  'matins', 'martes', 'mardis', 'lundis', 'jeudis', 'segundo', 'quarto', 'quinto', 'sexto', 'middags', 'ochtends', 'avonds',
]);

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  eins: 1, ein: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
  een: 1, twee: 2, // drie, vier, vijf … below
  drie: 3, vijf: 5, zes: 6, zeven: 7, negen: 9, tien: 10, twaalf: 12,
  una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  uma: 1, duas: 2, três: 3, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12,
  une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12,
};

/** Weekday names and abbreviations in every language → ISO weekday (Monday = 1). */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, weds: 3, thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6, sonntag: 7,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  lunes: 1, martes: 2, miércoles: 3, miercoles: 3, jueves: 4, viernes: 5, sábado: 6, sabado: 6, domingo: 7,
  segunda: 1, terça: 2, terca: 2, quarta: 3, quinta: 4, sexta: 5,
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
};

/** Words that show the text is (partly) in a language. English is always tried, so it has none. */
export const MARKERS: Record<Exclude<Lang, 'en'>, string[]> = {
  de: ['morgen', 'übermorgen', 'heute', 'um', 'uhr', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'nächste', 'nächsten', 'halb', 'viertel', 'zwischen', 'ab', 'nachmittag', 'vormittag', 'abend', 'früh', 'mittag'],
  nl: ['morgen', 'overmorgen', 'vandaag', 'om', 'uur', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'volgende', 'kwart', 'tussen', 'middag', 'ochtend', 'avond', 'vanavond'],
  fr: ['demain', 'aujourd', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'prochain', 'prochaine', 'heures', 'midi', 'soir', 'matin', 'après', 'entre', 'à'],
  es: ['mañana', 'manana', 'hoy', 'las', 'lunes', 'martes', 'miércoles', 'miercoles', 'jueves', 'viernes', 'sábado', 'domingo', 'próximo', 'próxima', 'media', 'tarde', 'mediodía'],
  pt: ['amanhã', 'amanha', 'hoje', 'às', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'feira', 'sábado', 'domingo', 'próxima', 'meia', 'depois', 'das', 'tarde'],
};
