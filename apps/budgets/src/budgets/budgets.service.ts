import { Injectable } from '@nestjs/common';
import type { BudgetStatus, CreateBudgetBody, UpdateBudgetBody } from '@irp/contracts';
import { DEFAULT_THRESHOLDS } from '@irp/contracts';
import { AmountError, toMinorUnits } from '@irp/money';
import { getLogger } from '@irp/observability';
import { OwnerLock, UnitOfWork } from '@irp/persistence';
import { AlertEvaluator } from '../alerts/alert-evaluator';
import { AlertRepository } from '../alerts/alert.repository';
import { currentPeriod, invalidCustomPeriods, periodsBackFrom, todayIn, type Period } from '../periods/period-calendar';
import { BudgetMeter } from '../spend/budget-meter';
import type { BudgetScope } from '../spend/expense-projection.repository';
import { Budget } from './budget.entity';
import { toBudgetStatus } from './budget.mapper';
import { BudgetRepository } from './budget.repository';
import { BudgetsErrors } from './budgets.errors';
import { ExpensesDirectory } from './expenses-directory';

const DEFAULT_HISTORY = 6;

function amountMinor(amount: string, currency: string): bigint {
  try {
    const minor = toMinorUnits(amount, currency);
    if (minor <= 0n) throw BudgetsErrors.invalidAmount('amount must be more than zero');
    return minor;
  } catch (error) {
    if (error instanceof AmountError) throw BudgetsErrors.invalidAmount(`amount: ${error.message}`);
    throw error;
  }
}

function checkedCustomPeriods(periods: Period[]): Period[] {
  const problem = invalidCustomPeriods(periods);
  if (problem) throw BudgetsErrors.customPeriodsInvalid(problem);
  return [...periods].sort((a, b) => a.start.localeCompare(b.start)).map(({ start, end }) => ({ start, end }));
}

const sortedThresholds = (thresholds: readonly number[]) => [...thresholds].sort((a, b) => a - b);

/** A user's budgets: made, changed, removed, and their status. */
@Injectable()
export class BudgetsService {
  private readonly log = getLogger(BudgetsService.name);

  constructor(
    private readonly budgets: BudgetRepository,
    private readonly directory: ExpensesDirectory,
    private readonly meter: BudgetMeter,
    private readonly evaluator: AlertEvaluator,
    private readonly alerts: AlertRepository,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async create(userId: string, body: CreateBudgetBody): Promise<Budget> {
    if (body.category && body.tag) throw BudgetsErrors.categoryAndTag();
    if (body.period === 'custom' && !body.customPeriods) throw BudgetsErrors.customPeriodsMissing();
    if (body.period !== 'custom' && body.customPeriods) throw BudgetsErrors.customPeriodsUnexpected();
    const customPeriods = body.customPeriods ? checkedCustomPeriods(body.customPeriods) : [];
    const currency = await this.directory.baseCurrency(userId);
    const minor = amountMinor(body.amount, currency);
    const category = body.category ? await this.directory.category(userId, body.category) : null;
    if (body.tag) await this.directory.assertTagInUse(userId, body.tag.trim());
    const scope: BudgetScope = category ? 'category' : body.tag ? 'tag' : 'overall';
    const timeZone = body.timeZone ?? 'UTC';
    const budget = new Budget({
      userId,
      name: body.name.trim(),
      amountMinor: minor,
      currency,
      scope,
      categoryId: category?.id ?? null,
      categoryName: category?.name ?? null,
      tag: body.tag?.trim() ?? null,
      period: body.period,
      timeZone,
      thresholds: sortedThresholds(body.thresholds ?? DEFAULT_THRESHOLDS),
      startsOn: customPeriods[0]?.start ?? todayIn(timeZone),
    });
    budget.customPeriods = customPeriods;
    budget.rollover = body.rollover ?? false;
    await this.saveAndEvaluate(userId, async () => {
      this.budgets.add(budget);
      return budget;
    });
    this.log.info({ budgetId: budget.id, scope, period: budget.period }, 'budget created');
    return budget;
  }

  async get(userId: string, budgetId: string): Promise<Budget> {
    const budget = await this.budgets.findOwned(userId, budgetId);
    if (!budget) throw BudgetsErrors.notFound();
    return budget;
  }

  list(userId: string): Promise<Budget[]> {
    return this.budgets.ofUser(userId);
  }

  async update(userId: string, budgetId: string, changes: UpdateBudgetBody): Promise<Budget> {
    return this.saveAndEvaluate(userId, async () => {
      const budget = await this.get(userId, budgetId);
      if (changes.customPeriods && budget.period !== 'custom') throw BudgetsErrors.customPeriodsUnexpected();
      if (changes.name !== undefined) budget.name = changes.name.trim();
      if (changes.amount !== undefined) budget.amountMinor = amountMinor(changes.amount, budget.currency);
      if (changes.customPeriods) budget.customPeriods = checkedCustomPeriods(changes.customPeriods);
      if (changes.timeZone !== undefined) budget.timeZone = changes.timeZone;
      if (changes.rollover !== undefined) budget.rollover = changes.rollover;
      if (changes.thresholds) budget.thresholds = sortedThresholds(changes.thresholds);
      return budget;
    });
  }

  async delete(userId: string, budgetId: string): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.ownerLock.take(userId);
      const budget = await this.get(userId, budgetId);
      await this.alerts.removeOfBudget(budget.id);
      this.budgets.remove(budget);
      await this.budgets.flush();
    });
  }

  async status(userId: string, budgetId: string, periods = DEFAULT_HISTORY): Promise<BudgetStatus> {
    const found = await this.budgets.findOwnedWithSpendVersion(userId, budgetId);
    if (!found) throw BudgetsErrors.notFound();
    const { budget, spendVersion } = found;
    const today = todayIn(budget.timeZone);
    const current = currentPeriod(budget, today);
    const readings = current ? await this.meter.readAt(budget, spendVersion, periodsBackFrom(budget, current, periods)) : [];
    return toBudgetStatus(budget, readings, today);
  }

  /** A new or changed budget may already be over a threshold: it is evaluated in the same transaction. */
  private saveAndEvaluate(userId: string, change: () => Promise<Budget>): Promise<Budget> {
    return this.unitOfWork.run(async () => {
      await this.ownerLock.take(userId);
      const budget = await change();
      await this.budgets.flush();
      await this.evaluator.evaluate(budget);
      return budget;
    });
  }
}
