/**
 * Fixed readings: the words that name a time of day without a clock time.
 * One table, so support staff and the README can point at it.
 *
 * Minutes are since local midnight. `start`/`end` of working hours are the person's
 * (default 09:00–17:00), so "first thing" and "end of day" follow them.
 *
 * | phrase              | reading                                   | day when none is given |
 * |---------------------|-------------------------------------------|------------------------|
 * | noon, midday        | exact 12:00                               | next occurrence        |
 * | midnight            | exact 00:00 at the END of the day named   | tonight's midnight     |
 * | tonight             | window 18:00–23:00                        | today                  |
 * | this afternoon      | window 12:00–17:00                        | today                  |
 * | (day) afternoon     | window 12:00–17:00                        | today, else next day   |
 * | (day) morning       | window 09:00–12:00 (support hours morning)| today, else next day   |
 * | (day) evening       | window 17:00–21:00                        | today, else next day   |
 * | lunchtime           | window 12:00–14:00                        | today, else next day   |
 * | end of day, EOD     | window: last working hour (16:00–17:00)   | today, else next day   |
 * | first thing (day)   | exact at working-hours start (09:00)      | next working start     |
 *
 * German, French, Spanish, Portuguese and Dutch equivalents are listed beside the English ones.
 * "today, else next day" means: if the reading is already over, the next day's one is used.
 */

export interface WorkingHours {
  start: number;
  end: number;
}

export type FixedReading =
  | { kind: 'at'; minutes: (wh: WorkingHours) => number }
  | { kind: 'window'; from: (wh: WorkingHours) => number; to: (wh: WorkingHours) => number };

export interface Phrase {
  id: string;
  /** Matched case-insensitively, on word boundaries. */
  words: string[];
  reading: FixedReading;
  /** The phrase pins the day to today ("tonight", "this afternoon"): never rolled forward. */
  today?: boolean;
}

const at = (m: number): FixedReading => ({ kind: 'at', minutes: () => m });
const win = (from: number, to: number): FixedReading => ({ kind: 'window', from: () => from, to: () => to });

// Longer phrases first: "this afternoon" before "afternoon".
export const PHRASES: readonly Phrase[] = [
  { id: 'tonight', words: ['tonight', 'this evening', 'heute abend', 'ce soir', 'esta noche', 'hoje à noite', 'hoje a noite', 'esta noite', 'vanavond'], reading: win(18 * 60, 23 * 60), today: true },
  { id: 'this afternoon', words: ['this afternoon', 'heute nachmittag', 'cet après-midi', 'esta tarde', 'hoje à tarde', 'hoje a tarde', 'vanmiddag'], reading: win(12 * 60, 17 * 60), today: true },
  { id: 'this morning', words: ['this morning', 'heute vormittag', 'heute morgen', 'ce matin', 'esta mañana', 'hoje de manhã', 'vanochtend', 'vanmorgen'], reading: win(9 * 60, 12 * 60), today: true },
  { id: 'first thing', words: ['first thing', 'gleich morgens', 'à la première heure', 'a primera hora', 'logo cedo', 'als eerste'], reading: { kind: 'at', minutes: (wh) => wh.start } },
  { id: 'end of day', words: ['end of day', 'end of the day', 'eod', 'cob', 'close of business', 'feierabend', 'fin de journée', 'fin de la journée', 'final del día', 'fim do dia', 'einde van de dag', 'eind van de dag'], reading: { kind: 'window', from: (wh) => Math.max(wh.start, wh.end - 60), to: (wh) => wh.end } },
  { id: 'midnight', words: ['midnight', 'mitternacht', 'minuit', 'medianoche', 'meia-noite', 'meia noite', 'middernacht'], reading: at(24 * 60) },
  { id: 'noon', words: ['noon', 'midday', 'mittag', 'mittags', 'midi', 'mediodía', 'mediodia', 'meio-dia', 'meio dia', 'twaalf uur', "'s middags 12 uur"], reading: at(12 * 60) },
  { id: 'lunchtime', words: ['lunchtime', 'lunch time', 'at lunch', 'mittagszeit', "l'heure du déjeuner", 'hora de comer', 'hora do almoço', 'lunchtijd'], reading: win(12 * 60, 14 * 60) },
  { id: 'afternoon', words: ['in the afternoon', 'afternoon', 'nachmittag', 'nachmittags', 'après-midi', 'por la tarde', 'à tarde', 'de tarde', "'s middags", 'middag'], reading: win(12 * 60, 17 * 60) },
  { id: 'morning', words: ['in the morning', 'morning', 'vormittag', 'vormittags', 'früh', 'matin', 'por la mañana', 'de manhã', "'s ochtends", 'ochtend'], reading: win(9 * 60, 12 * 60) },
  { id: 'evening', words: ['in the evening', 'evening', 'abend', 'abends', 'soir', 'por la noche', 'à noite', "'s avonds", 'avond'], reading: win(17 * 60, 21 * 60) },
];

/** "next week", "this week": whole ISO weeks (Monday 00:00 to Monday 00:00). */
export const WEEK_PHRASES: ReadonlyArray<{ words: string[]; weeksAhead: number }> = [
  { words: ['next week', 'nächste woche', 'naechste woche', 'kommende woche', 'la semaine prochaine', 'semaine prochaine', 'la próxima semana', 'próxima semana', 'proxima semana', 'la semana que viene', 'semana que vem', 'volgende week'], weeksAhead: 1 },
  { words: ['this week', 'diese woche', 'cette semaine', 'esta semana', 'deze week'], weeksAhead: 0 },
];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsRegex(words: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\d-])(?:${words.map(escape).join('|')})(?![\\p{L}\\d-])`, 'iu');
}

const PHRASE_RES = PHRASES.map((p) => ({ phrase: p, re: wordsRegex([...p.words].sort((a, b) => b.length - a.length)) }));
/**
 * Cheap pre-check: each phrase contains its longest word, so a text none of whose words is one of
 * those keys holds no phrase, and the eleven regexes are skipped (most texts).
 */
function tokens(s: string): string[] {
  return s.toLowerCase().split(NON_LETTERS);
}
const NON_LETTERS = /[^\p{L}]+/u;
const KEY_WORDS = new Set(PHRASES.flatMap((p) => p.words.map((w) => tokens(w).reduce((a, b) => (b.length > a.length ? b : a), ''))));
const WEEK_RES = WEEK_PHRASES.map((w) => ({ weeksAhead: w.weeksAhead, re: wordsRegex(w.words) }));

function cut(text: string, index: number, length: number): string {
  return (text.slice(0, index) + ' ' + text.slice(index + length)).replace(/\s+/g, ' ').trim();
}

/** The first fixed-reading phrase in the text, and the text without it. */
export function findPhrase(text: string): { phrase: Phrase; rest: string } | null {
  let any = false;
  for (const t of tokens(text)) {
    if (KEY_WORDS.has(t)) {
      any = true;
      break;
    }
  }
  if (!any) return null;
  for (const { phrase, re } of PHRASE_RES) {
    const m = re.exec(text);
    if (m) return { phrase, rest: cut(text, m.index, m[0].length) };
  }
  return null;
}

/** "next week" / "this week" when that is all the text says. */
export function findWeek(text: string): { weeksAhead: number } | null {
  if (text.length > 24 || !/week|woche|semaine|semana/i.test(text)) return null; // only ever the whole text
  for (const { weeksAhead, re } of WEEK_RES) {
    const m = re.exec(text);
    if (m && cut(text, m.index, m[0].length).length === 0) return { weeksAhead };
  }
  return null;
}
