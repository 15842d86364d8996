import { Controller } from '@nestjs/common';
import { GetTaxSettingsRequest, SelectTaxProfileRequest, SetMappingOverrideRequest, SUBJECTS, type TaxSettingsView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { TaxSettingsService } from './tax-settings.service';

@Controller()
export class SettingsHandler {
  constructor(private readonly settings: TaxSettingsService) {}

  @Rpc(SUBJECTS.getTaxSettings)
  get(request: GetTaxSettingsRequest): Promise<TaxSettingsView> {
    return this.settings.view(request.userId);
  }

  @Rpc(SUBJECTS.selectTaxProfile)
  select({ userId, ...choice }: SelectTaxProfileRequest): Promise<TaxSettingsView> {
    return this.settings.select(userId, choice);
  }

  @Rpc(SUBJECTS.setTaxMapping)
  setMapping({ userId, ...mapping }: SetMappingOverrideRequest): Promise<TaxSettingsView> {
    return this.settings.setMapping(userId, mapping);
  }
}
