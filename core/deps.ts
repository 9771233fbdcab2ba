/** What every use case is given: the ports and the validated config. */
import type { Config } from './config/schema.js';
import type { Clock } from './ports/clock.js';
import type { Ids } from './ports/ids.js';
import type { Store } from './ports/store.js';
import type { PaymentGateway } from './ports/payments.js';

/** The slice of a logger core uses (pino's child loggers fit). */
export interface CoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: CoreLogger = { info() {}, warn() {}, error() {} };

export interface CoreDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  config: Config;
  log?: CoreLogger;
  /** Online payment (Stripe Checkout); absent: paid bookings wait for staff as before. */
  payments?: PaymentGateway;
}
