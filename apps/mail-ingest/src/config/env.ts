import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ConfigError, databaseServiceConfig, DatabaseServiceEnv, EnvBoolean, loadEnv, type DatabaseServiceConfig } from '@irp/config';
import { parseCredentialKeys, type CredentialKey } from '../mailboxes/credential-cipher';
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

  /**
   * Keys sealing IMAP passwords (AES-256-GCM): `id:base64(32 bytes)`, comma-separated, the current
   * one first (older ones still open what they sealed). Unset: IMAP mailboxes cannot be added.
   */
  @IsOptional()
  @IsString()
  MAIL_CREDENTIAL_KEYS?: string;

  /** How often an IMAP mailbox without IDLE is looked at, and the start of the back-off when it fails. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  IMAP_POLL_SECONDS: number = 60;

  /** How long a connection waits in IDLE for new mail (when the server offers it) before it is renewed. */
  @IsInt()
  @Min(0)
  @Max(1_740)
  IMAP_IDLE_SECONDS: number = 300;

  /** Let users point mailboxes at loopback or private addresses (tests, a mail server inside the cluster). */
  @EnvBoolean()
  @IsBoolean()
  IMAP_ALLOW_PRIVATE_HOSTS: boolean = false;

  /** Messages turned into documents at once. */
  @IsInt()
  @Min(1)
  @Max(32)
  MAIL_WORKERS: number = 4;
}

export interface MailIngestConfig extends DatabaseServiceConfig {
  smtp: { port: number; host: string; domain: string; maxBytes: number; tls?: { certFile: string; keyFile: string } };
  trustedAuthservId: string | null;
  workers: number;
  imap: { credentialKeys: CredentialKey[]; pollMs: number; idleMs: number; allowPrivateHosts: boolean };
}

export function loadMailIngestConfig(env: NodeJS.ProcessEnv): MailIngestConfig {
  const e = loadEnv(MailIngestEnv, env);
  const tls = e.SMTP_TLS_CERT_FILE && e.SMTP_TLS_KEY_FILE ? { certFile: e.SMTP_TLS_CERT_FILE, keyFile: e.SMTP_TLS_KEY_FILE } : undefined;
  return {
    ...databaseServiceConfig(e),
    smtp: { port: e.SMTP_PORT, host: e.SMTP_HOST, domain: e.INBOUND_DOMAIN, maxBytes: e.MAIL_MAX_BYTES, tls },
    trustedAuthservId: e.MAIL_TRUSTED_AUTHSERV_ID?.toLowerCase() ?? null,
    workers: e.MAIL_WORKERS,
    imap: { credentialKeys: credentialKeys(e.MAIL_CREDENTIAL_KEYS), pollMs: e.IMAP_POLL_SECONDS * 1000, idleMs: e.IMAP_IDLE_SECONDS * 1000, allowPrivateHosts: e.IMAP_ALLOW_PRIVATE_HOSTS },
  };
}

function credentialKeys(value: string | undefined): CredentialKey[] {
  if (!value) return [];
  try {
    return parseCredentialKeys(value);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}

export const MAIL_INGEST_CONFIG = Symbol('MAIL_INGEST_CONFIG');
