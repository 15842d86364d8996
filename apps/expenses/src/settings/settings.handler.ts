import { Controller } from '@nestjs/common';
import { GetSettingsRequest, SUBJECTS, UpdateSettingsRequest, type SettingsView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsHandler {
  constructor(private readonly settings: SettingsService) {}

  @Rpc(SUBJECTS.getSettings)
  get(request: GetSettingsRequest): Promise<SettingsView> {
    return this.settings.get(request.userId);
  }

  @Rpc(SUBJECTS.updateSettings)
  update(request: UpdateSettingsRequest): Promise<SettingsView> {
    return this.settings.update(request.userId, { baseCurrency: request.baseCurrency, locale: request.locale });
  }
}
