import webpush from 'web-push';
import type { SettingsRepository } from '../platform/db/settings.repository.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The installation's VAPID key pair, which identifies it to browsers' push services: generated
 * by the first process that starts and kept in the settings table, so every process (and
 * every restart) signs with the same key and browsers' subscriptions stay valid.
 */
export async function loadVapidKeys(settings: SettingsRepository): Promise<VapidKeys> {
  const stored = await settings.getOrInit(
    'vapid_keys',
    JSON.stringify(webpush.generateVAPIDKeys()),
  );
  const keys = JSON.parse(stored) as Partial<VapidKeys>;
  if (typeof keys.publicKey !== 'string' || typeof keys.privateKey !== 'string')
    throw new Error('the stored setting vapid_keys is not a VAPID key pair');
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}
