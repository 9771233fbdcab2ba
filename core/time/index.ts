/** core/time public API: natural-language times → bookable instants, and how to write them back. */
export { parseWhen, languageOf, MAX_INPUT_LENGTH, DEFAULT_WORKING_HOURS } from './parse-when.js';
export { formatInstant, formatWindow, cityOf, type FormatOptions } from './format.js';
export { PHRASES, WEEK_PHRASES, findPhrase, type Phrase, type FixedReading } from './phrases.js';
export { ZONE_ABBREVIATIONS, findZoneInText, isKnownZone } from './zones.js';
export type * from './types.js';
