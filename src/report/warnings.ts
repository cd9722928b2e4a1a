/** Plan warnings and their prose. */
import type { CalendarWarning } from '../calendar/calendar.js';
import { formatMessage, type Locale } from './format.js';
import { reasonMessages } from './locales/reason-messages.js';

export function warningMessage(w: CalendarWarning, locale: Locale): string {
  return formatMessage(reasonMessages, locale, w.code, w.details);
}
