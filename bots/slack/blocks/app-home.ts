import type { types } from '@slack/bolt';
import { divider, header, section, type Block } from './kit.js';
import { sessionBlocks, type SessionRow } from './sessions.js';
import { profileText, type Profile } from './profile.js';
import { staffDayBlocks } from './staff-day.js';
import type { Core } from '../../../core/index.js';

type Day = Extract<Awaited<ReturnType<Core['staffDay']>>, { kind: 'day' }>;
export type HomeView = types.HomeView;

const home = (blocks: Block[]): HomeView => ({ type: 'home', blocks: blocks as types.HomeView['blocks'] });

export function staffHome(day: Day): HomeView {
  return home(staffDayBlocks(day, { buttons: true }));
}

export function customerHome(sessions: SessionRow[], profile: { profile: Profile; zone: string } | null): HomeView {
  return home([
    header('Your sessions'),
    ...sessionBlocks(sessions),
    divider(),
    header('Your company'),
    section(profile ? profileText(profile.profile, profile.zone) : 'Not linked yet: use `/support-code YOUR-CODE` to link your company.'),
    divider(),
    section('Book with `/book` (e.g. `/book tomorrow 3pm phone 30`), see prices with `/fees`, request an emergency session with `/emergency <what is wrong>`: staff squeeze you in today and tell you the exact time.'),
  ]);
}
