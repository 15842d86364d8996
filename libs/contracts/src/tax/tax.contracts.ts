import { defineContracts, rpc } from '../contract-kit';
import { STREAMS } from '../events';
import {
  GetTaxSettingsRequest,
  ListTaxProfilesRequest,
  SelectTaxProfileRequest,
  SetMappingOverrideRequest,
  TaxProfileList,
  TaxSettingsView,
} from './tax-profile.dto';
import { CreateTaxReportRequest, ExpenseTaxRequest, ExpenseTaxView, TAX_REPORTS_BUCKET, TaxReportIdRequest, TaxReportJobView } from './tax-report.dto';

/** What the tax service serves on the bus, and what it takes from it: every expense event, once. */
export const TAX_CONTRACTS = defineContracts({
  service: 'tax',
  streams: [STREAMS.TAX],
  rpc: {
    listTaxProfiles: rpc('tax.profile.list.v1', ListTaxProfilesRequest, TaxProfileList, 'The tax profiles shipped with the service'),
    getTaxSettings: rpc('tax.settings.get.v1', GetTaxSettingsRequest, TaxSettingsView, 'A user\u2019s profile, tax year start and mappings in effect'),
    selectTaxProfile: rpc('tax.settings.select.v1', SelectTaxProfileRequest, TaxSettingsView, 'Pick a profile and tax year start'),
    setTaxMapping: rpc('tax.mapping.set.v1', SetMappingOverrideRequest, TaxSettingsView, 'Map a category to another line of the profile (null: back to the profile\u2019s)'),
    getExpenseTax: rpc('tax.expense.get.v1', ExpenseTaxRequest, ExpenseTaxView, 'The tax lines of one expense'),
    createTaxReport: rpc('tax.report.create.v1', CreateTaxReportRequest, TaxReportJobView, 'Queue a report for a period'),
    getTaxReport: rpc('tax.report.get.v1', TaxReportIdRequest, TaxReportJobView, 'A report job: status and files'),
  },
  events: {},
  uses: {
    consumers: { 'tax-expenses': { stream: STREAMS.EXPENSES, filter: 'expenses.events.>' } },
    objectBuckets: [TAX_REPORTS_BUCKET],
  },
});
