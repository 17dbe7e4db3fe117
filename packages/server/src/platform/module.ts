import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { JobHandlers } from './jobs/registry.js';

/** A feature's routes under one URL prefix, with exactly the services they use. */
export interface ModuleRoutes {
  prefix: string;
  register(app: FastifyInstance): Promise<void>;
}

/** What a feature module hands the application: its routes and its job handlers. */
export interface FeatureModule {
  routes: ModuleRoutes[];
  jobs: Partial<JobHandlers>;
}

/** Mounts `plugin` at `prefix` with `options` (its services, never the whole application). */
export function routes<O extends object>(
  prefix: string,
  plugin: FastifyPluginAsyncTypebox<O>,
  options: O,
): ModuleRoutes {
  return {
    prefix,
    async register(app) {
      await app.register(plugin as unknown as FastifyPluginAsync<O>, { ...options, prefix });
    },
  };
}
