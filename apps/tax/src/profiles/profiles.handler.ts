import { Controller } from '@nestjs/common';
import { ListTaxProfilesRequest, SUBJECTS, type TaxProfileList } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { ProfileCatalog, toProfileView } from './profile-catalog';

@Controller()
export class ProfilesHandler {
  constructor(private readonly catalog: ProfileCatalog) {}

  @Rpc(SUBJECTS.listTaxProfiles)
  list(_request: ListTaxProfilesRequest): TaxProfileList {
    return { items: this.catalog.all().map(toProfileView) };
  }
}
