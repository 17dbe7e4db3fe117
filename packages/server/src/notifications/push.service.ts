import type { Agent } from 'node:https';
import webpush from 'web-push';
import { invalidField } from '../platform/errors.js';
import type { PushSubscriptionRepository } from './push-subscription.repository.js';
import type { VapidKeys } from './vapid-keys.js';

/** What the service worker gets: it shows `title` and `body`, and opens `url` on a click. */
export interface PushMessage {
  title: string;
  body: string;
  url: string;
  /** One notification per item on the device: a newer push for it replaces the older. */
  tag: string;
}

/** How long a push service keeps a message for a browser that is offline, seconds. */
const PUSH_TTL_S = 24 * 3600;
const PUSH_TIMEOUT_MS = 10_000;

/** A PushSubscription's JSON, as the browser gives it. */
export interface SubscriptionInput {
  endpoint: string;
  expirationTime?: number | null | undefined;
  keys: { p256dh: string; auth: string };
}

/** Whether `host` is one of `allowed` or under one of them ('*' allows any). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => a === '*' || host === a || host.endsWith(`.${a}`));
}

const decodedLength = (value: string) =>
  /^[A-Za-z0-9_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64url').length : -1;

/**
 * Web Push to athletes' installed apps: their browsers' subscriptions, and sending with the
 * installation's VAPID keys. A subscription's endpoint is where this server will POST, so only
 * push services' hosts (STRIDE_PUSH_HOSTS) are accepted: an athlete cannot make the server
 * call an address of their choosing. A subscription the push service answers 404 or 410 for
 * is gone (the browser unsubscribed, or the app was removed) and is dropped.
 */
export class PushService {
  constructor(
    private readonly subscriptions: PushSubscriptionRepository,
    private readonly vapid: VapidKeys,
    private readonly options: { subject: string; hosts: readonly string[]; agent?: Agent },
  ) {}

  get publicKey(): string {
    return this.vapid.publicKey;
  }

  /** Stores the browser's subscription for the athlete, or 400 naming what is wrong. */
  async subscribe(athleteId: string, input: SubscriptionInput): Promise<void> {
    let url: URL;
    try {
      url = new URL(input.endpoint);
    } catch {
      throw invalidField('body.endpoint', 'must be a URL');
    }
    if (url.protocol !== 'https:') throw invalidField('body.endpoint', 'must be an https: URL');
    if (url.username || url.password)
      throw invalidField('body.endpoint', 'must not carry a user name or password');
    if (!hostAllowed(url.hostname, this.options.hosts))
      throw invalidField(
        'body.endpoint',
        `is not a push service this server sends to (${url.hostname})`,
      );
    // An uncompressed P-256 public key (65 bytes) and a 16-byte secret, base64url (RFC 8291).
    if (decodedLength(input.keys.p256dh) !== 65)
      throw invalidField('body.keys.p256dh', 'must be a P-256 public key in base64url');
    if (decodedLength(input.keys.auth) !== 16)
      throw invalidField('body.keys.auth', 'must be a 16-byte secret in base64url');
    await this.subscriptions.save(athleteId, {
      endpoint: url.href,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      expiresAt: typeof input.expirationTime === 'number' ? new Date(input.expirationTime) : null,
    });
  }

  unsubscribe(athleteId: string, endpoint: string): Promise<void> {
    return this.subscriptions.remove(athleteId, endpoint);
  }

  /**
   * Sends the message to every browser of the athlete. Subscriptions that are gone are
   * dropped; any other failure (the push service busy or unreachable) throws once all were
   * tried, so the job retries (a browser that already got it shows the retry in place of the
   * first: same tag). How many browsers accepted it.
   */
  async send(athleteId: string, message: PushMessage): Promise<number> {
    const payload = JSON.stringify(message);
    let sent = 0;
    const failures: string[] = [];
    for (const s of await this.subscriptions.forAthlete(athleteId)) {
      if (s.expires_at && s.expires_at.getTime() <= Date.now()) {
        await this.subscriptions.drop(s.id);
        continue;
      }
      try {
        await webpush.sendNotification(
          { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
          payload,
          {
            vapidDetails: { subject: this.options.subject, ...this.vapid },
            TTL: PUSH_TTL_S,
            urgency: 'normal',
            // Replaces a message for the same item still waiting at the push service.
            topic: message.tag.replaceAll('-', ''),
            timeout: PUSH_TIMEOUT_MS,
            ...(this.options.agent ? { agent: this.options.agent } : {}),
          },
        );
        sent++;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) await this.subscriptions.drop(s.id);
        else failures.push(`${new URL(s.endpoint).host}: ${status ?? (error as Error).message}`);
      }
    }
    if (failures.length) throw new Error(`push not delivered to ${failures.join(', ')}`);
    return sent;
  }
}
