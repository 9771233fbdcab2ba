import type { webApi } from '@slack/bolt';
import { callerFor, ctxOf, guarded, type ListenerDeps } from '../../context.js';
import { homeView } from '../../blocks/app-home.js';
import { presentHome, staffDayMessage } from '../../../shared/present/results.js';
import type { HomeArgs } from '../types.js';

/** Builds and publishes a person's App Home: staff see today's sessions; customers their sessions and profile. */
export async function publishHome(deps: ListenerDeps, client: webApi.WebClient, userId: string): Promise<void> {
  const caller = await callerFor(deps, client, userId);
  const { core, config } = deps;
  if (core.isStaff(caller)) {
    const day = await core.staffDay({ caller });
    if (day.kind === 'day') {
      await client.views.publish({ user_id: userId, view: homeView([staffDayMessage(ctxOf(deps, caller), day, { buttons: true })]) });
      return;
    }
  }
  const [list, profile] = await Promise.all([core.listSessions({ caller }), core.showProfile({ caller })]);
  const zone = caller.zone ?? config.vendor.zone;
  await client.views.publish({ user_id: userId, view: homeView(presentHome(ctxOf(deps, caller), list, profile, zone)) });
}

/** app_home_opened (Home tab only). */
export const appHomeOpened = (deps: ListenerDeps) => async ({ event, client }: HomeArgs): Promise<void> => {
  if (event.tab !== 'home') return;
  await guarded(deps, { event: 'app_home_opened', userId: event.user }, null, () => publishHome(deps, client, event.user));
};
