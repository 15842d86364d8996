import { Controller } from '@nestjs/common';
import { SUBJECTS, UpdateSettingsRequest, type SettingsView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { UpdateSettings } from './update-settings.use-case';

@Controller()
export class UpdateSettingsHandler {
  constructor(private readonly settings: UpdateSettings) {}

  @Rpc(SUBJECTS.updateSettings)
  update(request: UpdateSettingsRequest): Promise<SettingsView> {
    return this.settings.update(request.userId, { baseCurrency: request.baseCurrency, locale: request.locale });
  }
}
