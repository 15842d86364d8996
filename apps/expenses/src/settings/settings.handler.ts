import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetSettingsRequest, SUBJECTS, UpdateSettingsRequest, type SettingsView } from '@irp/contracts';
import { SettingsService } from './settings.service';

@Controller()
export class SettingsHandler {
  constructor(private readonly settings: SettingsService) {}

  @MessagePattern(SUBJECTS.getSettings)
  get(@Payload() request: GetSettingsRequest): Promise<SettingsView> {
    return this.settings.get(request.userId);
  }

  @MessagePattern(SUBJECTS.updateSettings)
  update(@Payload() request: UpdateSettingsRequest): Promise<SettingsView> {
    return this.settings.update(request.userId, { baseCurrency: request.baseCurrency, locale: request.locale });
  }
}
