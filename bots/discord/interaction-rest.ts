import { REST, type Client, type RESTOptions } from 'discord.js';

/**
 * Discord does not count its interaction endpoints against a bot's global limit of 50 requests per
 * second: "Interaction endpoints are not bound to the bot's Global Rate Limit"
 * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Those are the callback
 * and the webhook routes an interaction token opens (the @original answer and follow-ups). discord.js
 * counts every request its REST manager sends, so under load the answer to an acknowledged command
 * would queue behind DMs and staff-channel posts for the global count. discord.js already sends the
 * callback outside that count; this sends the token's webhook routes through a second REST manager
 * with the same options and per-route buckets (Discord's per-route limits still apply) and no global
 * count. Every other request keeps the client's own manager.
 */
export function sendInteractionWebhooksApart(client: Client, options: Partial<RESTOptions>): REST {
  const apart = new REST({ ...options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  if (client.token) apart.setToken(client.token);
  const rest = client.rest;
  const queue = rest.queueRequest.bind(rest);
  rest.queueRequest = (request) => (isInteractionWebhook(String(request.fullRoute), client.application?.id) ? apart.queueRequest(request) : queue(request));
  return apart;
}

/** `/webhooks/<this application>/<token>…`: a webhook route opened by an interaction token. */
export function isInteractionWebhook(route: string, applicationId: string | undefined): boolean {
  return !!applicationId && route.startsWith(`/webhooks/${applicationId}/`);
}
