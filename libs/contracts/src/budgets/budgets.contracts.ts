import { defineContracts, event, rpc } from '../contract-kit';
import { STREAMS } from '../events';
import { DeletedResult } from '../expenses/deleted-result.dto';
import { EXPENSES_CONTRACTS } from '../expenses/expenses.contracts';
import { AlertIdRequest, AlertPage, AlertRaised, AlertView, ListAlertsRequest } from './alert.dto';
import { BudgetStatus, BudgetStatusRequest } from './budget-status.dto';
import { BudgetIdRequest, BudgetList, BudgetView, CreateBudgetRequest, ListBudgetsRequest, UpdateBudgetRequest } from './budget.dto';
import {
  CreatedWebhook,
  CreateWebhookRequest,
  ListWebhooksRequest,
  UpdateWebhookRequest,
  WebhookDeliveryList,
  WebhookDeliveryView,
  WebhookIdRequest,
  WebhookList,
  WebhookView,
} from './webhook.dto';

/** What the budgets service serves and publishes on the bus, and what it uses of expenses. */
export const BUDGETS_CONTRACTS = defineContracts({
  service: 'budgets',
  streams: [STREAMS.BUDGETS],
  rpc: {
    createBudget: rpc('budgets.budget.create.v1', CreateBudgetRequest, BudgetView, 'Create a budget (overall, per category or per tag)'),
    getBudget: rpc('budgets.budget.get.v1', BudgetIdRequest, BudgetView, 'One budget of a user'),
    listBudgets: rpc('budgets.budget.list.v1', ListBudgetsRequest, BudgetList, 'A user\u2019s budgets'),
    updateBudget: rpc('budgets.budget.update.v1', UpdateBudgetRequest, BudgetView, 'Change a budget'),
    deleteBudget: rpc('budgets.budget.delete.v1', BudgetIdRequest, DeletedResult, 'Delete a budget and its alerts'),
    getBudgetStatus: rpc('budgets.budget.status.v1', BudgetStatusRequest, BudgetStatus, 'Spend of the current period, forecast and history'),
    listAlerts: rpc('budgets.alert.list.v1', ListAlertsRequest, AlertPage, 'A user\u2019s alerts, newest first'),
    acknowledgeAlert: rpc('budgets.alert.acknowledge.v1', AlertIdRequest, AlertView, 'Mark an alert as seen'),
    createWebhook: rpc('budgets.webhook.create.v1', CreateWebhookRequest, CreatedWebhook, 'Register a webhook for alert events (the secret is shown once)'),
    listWebhooks: rpc('budgets.webhook.list.v1', ListWebhooksRequest, WebhookList, 'A user\u2019s webhooks'),
    getWebhook: rpc('budgets.webhook.get.v1', WebhookIdRequest, WebhookView, 'One webhook'),
    updateWebhook: rpc('budgets.webhook.update.v1', UpdateWebhookRequest, WebhookView, 'Change a webhook or enable it again'),
    deleteWebhook: rpc('budgets.webhook.delete.v1', WebhookIdRequest, DeletedResult, 'Delete a webhook and its delivery log'),
    testWebhook: rpc('budgets.webhook.test.v1', WebhookIdRequest, WebhookDeliveryView, 'Send a signed test event now'),
    listWebhookDeliveries: rpc('budgets.webhook.deliveries.v1', WebhookIdRequest, WebhookDeliveryList, 'The latest deliveries of a webhook with their attempts'),
  },
  events: {
    alertRaised: event('budgets.events.alert.raised.v1', STREAMS.BUDGETS, AlertRaised, 'Spend crossed a threshold of a budget (once per budget, period and threshold)'),
  },
  uses: {
    consumers: { 'budgets-expenses': { stream: STREAMS.EXPENSES, filter: 'expenses.events.expense.>' } },
    calls: [EXPENSES_CONTRACTS.rpc.listExpenses.subject, EXPENSES_CONTRACTS.rpc.listCategories.subject, EXPENSES_CONTRACTS.rpc.getSettings.subject],
  },
});
