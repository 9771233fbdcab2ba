import type { ComponentHandler } from '../interaction-router.js';
import type { DiscordDeps } from '../caller.js';
import { bookingComponents } from './booking.js';
import { manageComponents } from './manage.js';
import { payComponents } from './pay.js';
import { emergencyComponents } from './emergency.js';
import { staffComponents } from './staff.js';

/** Every button and modal the bot answers, by custom_id prefix (see ids.ts). */
export const components: ComponentHandler<DiscordDeps>[] = [...bookingComponents, ...manageComponents, ...staffComponents, ...payComponents, ...emergencyComponents];
