import { RequestContext, type MikroORM } from '@mikro-orm/postgresql';

/**
 * Runs work started outside a request (a consumed event, a scheduled job) in a MikroORM request
 * context of its own: its own identity map, never the global one.
 */
export function withRequestContext<T>(orm: MikroORM, work: () => Promise<T>): Promise<T> {
  return RequestContext.create(orm.em, work);
}
