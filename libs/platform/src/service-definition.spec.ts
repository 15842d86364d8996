import { SERVICE_CONTRACTS, STREAMS } from '@irp/contracts';
import { serviceNamed, SERVICES } from '@irp/service-registry';
import { defineEdgeService, defineService, type ServiceDefinition } from './service-definition';

const auth: ServiceDefinition = {
  name: 'auth',
  schema: 'auth',
  loadConfig: () => {
    throw new Error('not loaded here');
  },
  configToken: Symbol('config'),
  entities: [],
  migrations: [],
  streams: [STREAMS.AUTH],
  features: [],
};

describe(defineService.name, () => {
  it('accepts a definition that agrees with the registry', () => {
    expect(defineService(auth)).toBe(auth);
  });

  it('refuses a schema or streams the registry does not list for the service', () => {
    expect(() => defineService({ ...auth, schema: 'expenses' })).toThrow('auth: schema "expenses" is registered as "auth"');
    expect(() => defineService({ ...auth, streams: [STREAMS.AUTH, STREAMS.OCR] })).toThrow('auth: streams AUTH, OCR are registered as AUTH');
  });

  it('only accepts registered names (a type error otherwise)', () => {
    // @ts-expect-error `billing` is not in libs/service-registry/src/services.json
    expect(() => defineService({ ...auth, name: 'billing' })).toThrow(/no service "billing"/);
  });
});

describe('the registry and the contracts', () => {
  it('agree on the streams: each service publishes to the streams its registry entry lists, and each stream has one such service', () => {
    for (const contracts of SERVICE_CONTRACTS) {
      expect(contracts.streams.map((stream) => stream.name).sort()).toEqual([...serviceNamed(contracts.service).streams].sort());
    }
    const owned = SERVICES.flatMap((service) => service.streams);
    expect([...owned].sort()).toEqual(Object.values(STREAMS).map((stream) => stream.name).sort());
  });

  it('have a contracts file for every registered service (its bus permissions come from there)', () => {
    expect(SERVICE_CONTRACTS.map((contracts) => contracts.service).sort()).toEqual(SERVICES.map((service) => service.name).sort());
  });
});

describe(defineEdgeService.name, () => {
  const edge = { name: 'gateway' as const, loadConfig: () => ({}) as never, configToken: Symbol('config'), features: [] };

  it('accepts a registered service without a schema, and refuses one with', () => {
    expect(defineEdgeService(edge)).toBe(edge);
    expect(() => defineEdgeService({ ...edge, name: 'auth' })).toThrow('auth: registered with the schema "auth": define it with defineService');
  });
});
