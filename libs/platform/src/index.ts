export { defineEdgeService, defineService, type EdgeServiceDefinition, type ServiceDefinition } from './service-definition';
export { serviceOrmOptions } from './service-orm-config';
export { ServicePlatformModule } from './service-platform.module';
export { bootstrapService, runService, runServiceMigrations } from './bootstrap-service';
export { isOutsideAddress, parseNetworks, resolveHost, type NetworkRange } from './outbound/outside-address';
