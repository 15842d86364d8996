import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ExpenseEventsApplier } from './expense-events.applier';
import { ExpenseEventsConsumer } from './expense-events.consumer';
import { ExpenseTaxHandler } from './expense-tax.handler';
import { ExpenseTaxRepository } from './expense-tax.repository';
import { ExpenseTaxService } from './expense-tax.service';

/** The tax service's copy of every expense, from the expense events, and one expense's tax lines. */
@Module({
  imports: [SettingsModule],
  controllers: [ExpenseTaxHandler],
  providers: [ExpenseEventsConsumer, ExpenseEventsApplier, ExpenseTaxRepository, ExpenseTaxService],
})
export class ProjectionModule {}
