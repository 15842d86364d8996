import { Controller } from '@nestjs/common';
import { GetSettingsRequest, SUBJECTS, type SettingsView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { SettingsService } from './settings.service';

/** Reading settings; updating them is the ledger's (expenses/update-settings.handler.ts): it re-converts. */
@Controller()
export class SettingsHandler {
  constructor(private readonly settings: SettingsService) {}

  @Rpc(SUBJECTS.getSettings)
  get(request: GetSettingsRequest): Promise<SettingsView> {
    return this.settings.get(request.userId);
  }
}
