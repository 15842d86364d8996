import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isServiceName, secretEnvOf, SERVICE_NAMES, serviceNamed, SERVICES, servicesWithDatabase } from './index';

describe('service registry', () => {
  it('lists the services in start order, the gateway last', () => {
    expect(SERVICES.map((s) => s.name)).toEqual(['auth', 'expenses', 'ocr', 'budgets', 'tax', 'mail-ingest', 'gateway']);
  });

  it('has generated names that match services.json', () => {
    const json = JSON.parse(readFileSync(path.join(__dirname, 'services.json'), 'utf8')) as { services: { name: string }[] };
    expect([...SERVICE_NAMES]).toEqual(json.services.map((s) => s.name));
  });

  it('finds a service by name, and names the registered ones when it cannot', () => {
    expect(serviceNamed('auth')).toMatchObject({ schema: 'auth', opsPort: 9101 });
    expect(() => serviceNamed('billing')).toThrow('no service "billing" in the registry (libs/service-registry/src/services.json); registered: auth, expenses, ocr, budgets, tax, mail-ingest, gateway');
    expect(isServiceName('ocr')).toBe(true);
    expect(isServiceName('billing')).toBe(false);
  });

  it('tells which services have a database and which secrets each needs', () => {
    expect(servicesWithDatabase().map((s) => s.name)).toEqual(['auth', 'expenses', 'ocr', 'budgets', 'tax', 'mail-ingest']);
    expect(secretEnvOf(serviceNamed('auth')).map((e) => e.name)).toEqual(['DATABASE_URL', 'AUTH_JWT_PRIVATE_KEY', 'AUTH_JWT_RETIRED_PUBLIC_KEYS', 'NATS_PASSWORD']);
    expect(secretEnvOf(serviceNamed('gateway')).map((e) => e.name)).toEqual(['NATS_PASSWORD']);
  });
});
