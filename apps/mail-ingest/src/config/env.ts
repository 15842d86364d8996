import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { databaseServiceConfig, DatabaseServiceEnv, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { serviceNamed } from '@irp/service-registry';

class MailIngestEnv extends DatabaseServiceEnv {
  override OPS_PORT: number = serviceNamed('mail-ingest').opsPort;

  /** Inbound SMTP; 0 picks a free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  SMTP_PORT: number = 2525;

  @IsString()
  SMTP_HOST: string = '0.0.0.0';

  /** The domain of the users' private addresses: `<token>@<INBOUND_DOMAIN>`. */
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, { message: 'INBOUND_DOMAIN must be a lower-case domain name' })
  INBOUND_DOMAIN: string = 'inbox.localhost';

  /** Largest message accepted (552 during DATA beyond it). */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  MAIL_MAX_BYTES: number = 25 * 1024 * 1024;

  /** PEM files of the certificate offered with STARTTLS; without them STARTTLS is not offered. */
  @IsOptional()
  @IsString()
  SMTP_TLS_CERT_FILE?: string;

  @IsOptional()
  @IsString()
  SMTP_TLS_KEY_FILE?: string;

  /**
   * The authserv-id of the relay in front of this service: only its Authentication-Results header
   * is believed (anyone can write one). Unset: no SPF/DKIM/DMARC results are read.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]{1,253}$/, { message: 'MAIL_TRUSTED_AUTHSERV_ID must be a host name' })
  MAIL_TRUSTED_AUTHSERV_ID?: string;

  /** Messages turned into documents at once. */
  @IsInt()
  @Min(1)
  @Max(32)
  MAIL_WORKERS: number = 2;
}

export interface MailIngestConfig extends DatabaseServiceConfig {
  smtp: { port: number; host: string; domain: string; maxBytes: number; tls?: { certFile: string; keyFile: string } };
  trustedAuthservId: string | null;
  workers: number;
}

export function loadMailIngestConfig(env: NodeJS.ProcessEnv): MailIngestConfig {
  const e = loadEnv(MailIngestEnv, env);
  const tls = e.SMTP_TLS_CERT_FILE && e.SMTP_TLS_KEY_FILE ? { certFile: e.SMTP_TLS_CERT_FILE, keyFile: e.SMTP_TLS_KEY_FILE } : undefined;
  return {
    ...databaseServiceConfig(e),
    smtp: { port: e.SMTP_PORT, host: e.SMTP_HOST, domain: e.INBOUND_DOMAIN, maxBytes: e.MAIL_MAX_BYTES, tls },
    trustedAuthservId: e.MAIL_TRUSTED_AUTHSERV_ID?.toLowerCase() ?? null,
    workers: e.MAIL_WORKERS,
  };
}

export const MAIL_INGEST_CONFIG = Symbol('MAIL_INGEST_CONFIG');
