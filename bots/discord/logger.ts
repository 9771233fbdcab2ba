/**
 * The logger shape the Discord adapter needs: pino's, but any object with
 * these methods works (tests pass a recording logger).
 */
export interface LoggerLike {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  debug(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): LoggerLike;
}
