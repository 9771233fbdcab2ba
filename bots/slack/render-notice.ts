/** Every outbox Notice as a Slack message (exhaustive: a new notice type breaks the build here). */
import type { Config, Notice } from '../../core/index.js';
import type { SlackMessage } from './blocks/kit.js';
import { toCents } from '../../core/policy/pricing.js';
import { confirmationMessage } from './blocks/confirmation.js';
import { pendingMessage } from './blocks/pending.js';
import { approvedMessage } from './blocks/approved.js';
import { declinedMessage } from './blocks/declined.js';
import { reminderMessage } from './blocks/reminder.js';
import { cancelledMessage } from './blocks/cancelled.js';
import { rescheduledMessage } from './blocks/rescheduled.js';
import { actionsExpiredMessage } from './blocks/actions-expired.js';
import { noShowMessage } from './blocks/no-show.js';
import { strikeWarningMessage } from './blocks/strike-warning.js';
import { suspendedMessage } from './blocks/suspended.js';
import { reinstatedMessage } from './blocks/reinstated.js';
import { emergencyReceivedMessage } from './blocks/emergency-received.js';
import { emergencyScheduledMessage } from './blocks/emergency-scheduled.js';
import { emergencyDeclinedMessage } from './blocks/emergency-declined.js';
import { staffApprovalMessage } from './blocks/staff-approval.js';
import { staffEmergencyMessage } from './blocks/staff-emergency.js';
import { staffCancelledMessage, staffNoShowMessage } from './blocks/staff-notes.js';

export function renderNotice(n: Notice, config: Config): SlackMessage {
  const close = config.policy.noShowCloseMinutes;
  switch (n.type) {
    case 'booking_confirmed':
      return confirmationMessage(n.booking, close);
    case 'booking_pending':
      return pendingMessage(n.booking);
    case 'booking_approved':
      return approvedMessage(n.booking, close);
    case 'booking_declined':
      return declinedMessage(n.booking, n.reason);
    case 'reminder':
      return reminderMessage(n.booking, n.minutesBefore, close);
    case 'booking_cancelled':
      return cancelledMessage(n.booking, n.by, n.reason, n.refunded, { byYou: n.byYou, byName: n.byName });
    case 'booking_rescheduled':
      return rescheduledMessage(n.booking, n.previousStartsAt, close);
    case 'actions_expired':
      return actionsExpiredMessage(n.booking, n.why);
    case 'no_show_closed':
      return noShowMessage(n.booking, n.strikes, n.strikeLimit, close, n.reinstatementCents);
    case 'strike_warning':
      return strikeWarningMessage(n.companyName, n.strikes, n.strikeLimit, n.booking, n.reinstatementCents);
    case 'suspended':
      return suspendedMessage(n.companyName, n.feeCents, n.currency);
    case 'reinstated':
      return reinstatedMessage(n.companyName);
    case 'emergency_received':
      return emergencyReceivedMessage(n.booking);
    case 'emergency_scheduled':
      return emergencyScheduledMessage(n.booking, close);
    case 'emergency_declined':
      return emergencyDeclinedMessage(n.booking, n.reason);
    case 'staff_approval_request':
      return staffApprovalMessage(n.booking);
    case 'staff_emergency_request':
      return staffEmergencyMessage(n.booking, n.urgency, n.options);
    case 'staff_no_show':
      return staffNoShowMessage(n.booking, n.strikes, n.suspended, toCents(config.policy.reinstatementFee));
    case 'staff_booking_cancelled':
      return staffCancelledMessage(n.booking, n.by, n.reason);
    default: {
      const never: never = n;
      throw new Error(`unrendered notice: ${JSON.stringify(never)}`);
    }
  }
}
