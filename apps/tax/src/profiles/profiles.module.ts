import { Module } from '@nestjs/common';
import { ProfileCatalog } from './profile-catalog';
import { ProfilesHandler } from './profiles.handler';

/** The tax profiles shipped as data files. */
@Module({
  controllers: [ProfilesHandler],
  providers: [ProfileCatalog],
  exports: [ProfileCatalog],
})
export class ProfilesModule {}
