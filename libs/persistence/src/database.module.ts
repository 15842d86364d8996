import {
  Global,
  Injectable,
  Module,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { EntityManager, MikroORM, RequestContext, type Options } from '@mikro-orm/postgresql';
import type { Observable } from 'rxjs';

/** Readiness: the service's pool can run a query. */
@Injectable()
export class DatabaseHealth {
  readonly name = 'database';

  constructor(private readonly orm: MikroORM) {}

  async check(signal: AbortSignal): Promise<void> {
    const query = this.orm.em.getConnection().execute('select 1');
    await new Promise<void>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('database check timed out')), { once: true });
      query.then(() => resolve(), reject);
    });
  }
}

/**
 * Runs every handler (HTTP or NATS) in its own MikroORM request context: its own identity map,
 * never the global one.
 */
@Injectable()
export class OrmRequestContextInterceptor implements NestInterceptor {
  constructor(private readonly orm: MikroORM) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Nest binds the handler to the async context current when handle() is called.
    return RequestContext.create(this.orm.em, () => next.handle());
  }
}

@Injectable()
class OrmLifecycle implements OnApplicationShutdown {
  constructor(private readonly orm: MikroORM) {}

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: Options): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: MikroORM, useFactory: () => MikroORM.init(config) },
        { provide: EntityManager, useFactory: (orm: MikroORM) => orm.em, inject: [MikroORM] },
        { provide: APP_INTERCEPTOR, useClass: OrmRequestContextInterceptor },
        DatabaseHealth,
        OrmLifecycle,
      ],
      exports: [MikroORM, EntityManager, DatabaseHealth],
    };
  }
}
