/** Icons as Unicode symbols, for the platforms that draw them as text (Discord, the console). Slack uses its emoji names. */
import type { Icon } from './model.js';

export const UNICODE_ICONS: Record<Icon, string> = {
  booked: '✅',
  pending: '⏳',
  cancelled: '🗑️',
  declined: '❌',
  moved: '🔁',
  reminder: '⏰',
  lock: '🔒',
  noshow: '🚪',
  warning: '⚠️',
  suspended: '⛔',
  reinstated: '🎉',
  emergency: '🚨',
  approval: '📝',
  closed: '⌛',
  withdrawn: '↩️',
  calendar: '📅',
  linked: '🔗',
  company: '🏢',
  done: '✅',
};
