/** The conference details a booking gets: the online room and the phone line with a per-booking PIN. */
import type { Config, StaffConfig } from '../config/schema.js';
import type { Ids } from '../ports/ids.js';

export function meetingUrlFor(config: Config, staff: StaffConfig | undefined, room: string): string | null {
  const online = config.conference.online;
  if (online.mode === 'per_staff') return staff?.meetingRoom ?? null;
  return online.template.replace('{room}', room);
}

export function conferenceFor(config: Config, ids: Ids, staff: StaffConfig | undefined) {
  const joinToken = ids.token();
  return {
    joinToken,
    manageToken: ids.linkToken(),
    meetingUrl: meetingUrlFor(config, staff, `sk-${joinToken.slice(0, 10).toLowerCase()}`),
    phoneNumber: config.conference.phone.number,
    phonePin: ids.pin(config.conference.phone.pinDigits),
  };
}
