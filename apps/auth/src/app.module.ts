import { Module, type DynamicModule } from '@nestjs/common';
import { STREAMS } from '@irp/contracts';
import { NatsHealth, NatsModule, OutboxModule, RpcServerModule } from '@irp/messaging';
import { OpsModule } from '@irp/observability';
import { DatabaseHealth, DatabaseModule } from '@irp/persistence';
import { AUTH_CONFIG, type AuthConfig } from './config/env';
import { authOrmConfig } from './orm.config';
import { TokensModule } from './tokens/tokens.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(authOrmConfig(config.database)),
        NatsModule.forRoot({ url: config.natsUrl, name: 'auth' }),
        RpcServerModule,
        OutboxModule.forRoot({ streams: [STREAMS.AUTH], ...config.outbox }),
        OpsModule.forRoot({ ...config.ops, checks: [DatabaseHealth, NatsHealth] }),
        UsersModule,
        TokensModule,
      ],
      providers: [{ provide: AUTH_CONFIG, useValue: config }],
      exports: [AUTH_CONFIG],
    };
  }
}
