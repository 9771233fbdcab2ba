/**
 * "Customers with free sessions - if there are two no-shows a payment of $100 will be required to
 * reinstate your online session support." The first no-show brings a warning; reaching the limit
 * suspends free sessions; recording the reinstatement payment clears the strikes.
 */
export type StrikeOutcome = { kind: 'warning'; strikes: number } | { kind: 'suspended'; strikes: number };

export function strikeOutcome(strikesAfter: number, limit: number): StrikeOutcome {
  return strikesAfter >= limit ? { kind: 'suspended', strikes: strikesAfter } : { kind: 'warning', strikes: strikesAfter };
}
