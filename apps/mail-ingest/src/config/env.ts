import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class MailIngestEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('mail-ingest').opsPort;
}

export type MailIngestConfig = DatabaseServiceConfig;

export function loadMailIngestConfig(env: NodeJS.ProcessEnv): MailIngestConfig {
  return databaseServiceConfig(loadEnv(MailIngestEnv, env));
}

export const MAIL_INGEST_CONFIG = Symbol('MAIL_INGEST_CONFIG');
