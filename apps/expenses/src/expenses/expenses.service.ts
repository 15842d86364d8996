import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { CreateExpenseBody, ExpensePage, ExpenseView, ListExpensesQuery, UpdateExpenseBody } from '@irp/contracts';
import { OwnerLock, UnitOfWork } from '@irp/persistence';
import { toDecimalString } from '@irp/money';
import { getLogger } from '@irp/observability';
import { CategoriesService } from '../categories/categories.service';
import { SettingsRepository } from '../settings/settings.repository';
import { ConversionService } from './conversion.service';
import { DuplicatePointers } from './duplicate-pointers';
import { DuplicateDetector } from '../duplicates/duplicate-detector';
import type { DuplicatePointer } from '../duplicates/duplicate-pointer';
import { DocumentLinks } from './document-links';
import type { ExpenseDraft } from './expense-draft';
import { ExpenseCorrection } from './expense-correction.entity';
import { Expense } from './expense.entity';
import { ExpenseEvents } from './expense-events';
import { cleanTags, minorUnits, optionalMinorUnits, rescaleTaxLines, taxLinesFrom } from './expense-input';
import { toExpenseView } from './expense.mapper';
import { ExpenseRepository, type ExpenseFilter } from './expense.repository';
import { ExpensesErrors, IdempotencyKeyTaken } from './expenses.errors';
import { IdempotencyKey } from './idempotency-key.entity';
import { decodeCursor, encodeCursor } from './page-cursor';

const DEFAULT_PAGE_SIZE = 50;

const withBigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a, withBigints) === JSON.stringify(b, withBigints);

/** JSON with keys sorted at every level: the same body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function requestHash(body: object): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

@Injectable()
export class ExpensesService {
  private readonly log = getLogger(ExpensesService.name);

  constructor(
    private readonly expenses: ExpenseRepository,
    private readonly categories: CategoriesService,
    private readonly settings: SettingsRepository,
    private readonly conversions: ConversionService,
    private readonly events: ExpenseEvents,
    private readonly duplicates: DuplicatePointers,
    private readonly ownerLock: OwnerLock,
    private readonly unitOfWork: UnitOfWork,
    private readonly documents: DocumentLinks,
    private readonly detector: DuplicateDetector,
  ) {}

  async create(userId: string, body: CreateExpenseBody, idempotencyKey?: string): Promise<ExpenseView> {
    const hash = requestHash(body);
    if (idempotencyKey) {
      const earlier = await this.expenses.findIdempotencyKey(userId, idempotencyKey);
      if (earlier) return this.replay(earlier, hash);
    }
    const expense = await this.build(userId, body);
    try {
      return await this.unitOfWork.run(async () => {
        this.expenses.add(expense);
        await this.expenses.flush();
        this.events.created(expense);
        const view = toExpenseView(expense);
        if (idempotencyKey) await this.expenses.addIdempotencyKey(new IdempotencyKey(userId, idempotencyKey, hash, view));
        this.log.info({ expenseId: expense.id }, 'expense created');
        return view;
      });
    } catch (error) {
      // A concurrent retry with the same key won the race: answer what it created.
      if (idempotencyKey && error instanceof IdempotencyKeyTaken) {
        const earlier = await this.expenses.findIdempotencyKey(userId, idempotencyKey);
        if (earlier) return this.replay(earlier, hash);
      }
      throw error;
    }
  }

  /**
   * Files an expense read from a document, in the caller's transaction. A likely duplicate is
   * flagged (and sent to review) with a pointer to its twin, never dropped or merged.
   */
  async fileFromDocument(userId: string, documentId: string, draft: ExpenseDraft, known: { duplicateOf: DuplicatePointer | null; imageHash: string | null }): Promise<Expense> {
    const expense = await this.build(userId, draft.body);
    expense.documentId = documentId;
    const twin = known.duplicateOf ?? (await this.detector.detect({ userId, documentId, imageHash: known.imageHash, receipt: expense }));
    // The flag is the reader's conclusion too: a user's "not a duplicate" is feedback on it.
    expense.extracted = { ...draft.extracted, duplicateOf: twin?.reason ?? null };
    expense.duplicateOf = twin;
    expense.status = draft.reviewReasons.length > 0 || twin ? 'needs_review' : 'confirmed';
    this.expenses.add(expense);
    await this.expenses.flush();
    this.events.created(expense);
    return expense;
  }

  /**
   * A document being deleted leaves its expense in place, no longer linked to it, in the caller's
   * transaction; subscribers hear of the change.
   */
  async unlinkDocument(userId: string, documentId: string): Promise<void> {
    const linked = await this.expenses.linkedTo(userId, documentId);
    if (linked.length === 0) return;
    for (const expense of linked) expense.documentId = null;
    await this.expenses.flush();
    for (const expense of linked) this.events.updated(expense, ['documentId']);
  }

  async get(userId: string, expenseId: string): Promise<ExpenseView> {
    return toExpenseView(await this.owned(userId, expenseId));
  }

  async list(userId: string, query: ListExpensesQuery): Promise<ExpensePage> {
    const sort = query.sort ?? '-date';
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const after = query.cursor ? decodeCursor(query.cursor, sort) : undefined;
    const rows = await this.expenses.page(userId, await this.filter(userId, query), sort, limit, after);
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(sort, this.expenses.positionOf(items[items.length - 1], sort)) : null;
    return { items: items.map(toExpenseView), nextCursor };
  }

  async update(userId: string, expenseId: string, changes: UpdateExpenseBody, expectedVersion?: number): Promise<ExpenseView> {
    return this.unitOfWork.run(async () => {
      const expense = await this.owned(userId, expenseId);
      if (expectedVersion !== undefined && expense.version !== expectedVersion) throw ExpensesErrors.staleVersion(expense.version);
      const changed = await this.apply(expense, changes);
      if (changed.length === 0) return toExpenseView(expense);
      this.recordCorrections(expense, changed);
      await this.expenses.flushVersioned(expense);
      this.events.updated(expense, changed);
      return toExpenseView(expense);
    });
  }

  /** The documents it was filed from stay, no longer pointing at it; so do its duplicates. */
  async delete(userId: string, expenseId: string, expectedVersion?: number): Promise<void> {
    await this.unitOfWork.run(async () => {
      await this.ownerLock.take(userId);
      const expense = await this.owned(userId, expenseId);
      if (expectedVersion !== undefined && expense.version !== expectedVersion) throw ExpensesErrors.staleVersion(expense.version);
      this.events.deleted(expense);
      this.expenses.remove(expense);
      await this.expenses.flushVersioned(expense);
      await this.documents.expenseDeleted(userId, expenseId);
      await this.duplicates.forget(userId, { expenseId });
    });
  }

  /** Fields read from a document that the user changed: feedback for the reader. */
  private recordCorrections(expense: Expense, changed: string[]): void {
    if (!expense.documentId || !expense.extracted) return;
    const current: Record<string, string | null> = {
      vendor: expense.vendor,
      date: expense.date,
      amount: toDecimalString(expense.amountMinor, expense.currency),
      currency: expense.currency,
      subtotal: expense.subtotalMinor === null ? null : toDecimalString(expense.subtotalMinor, expense.currency),
      tip: expense.tipMinor === null ? null : toDecimalString(expense.tipMinor, expense.currency),
      paymentMethod: expense.paymentMethod,
      cardLast4: expense.cardLast4,
      duplicateOf: expense.duplicateOf?.reason ?? null,
    };
    for (const field of changed.filter((name) => name in current)) {
      this.expenses.addCorrection(
        new ExpenseCorrection({
          userId: expense.userId,
          expenseId: expense.id,
          documentId: expense.documentId,
          field,
          extractedValue: expense.extracted[field] ?? null,
          correctedValue: current[field],
        }),
      );
    }
  }

  private async owned(userId: string, expenseId: string): Promise<Expense> {
    const expense = await this.expenses.findOwned(userId, expenseId);
    if (!expense) throw ExpensesErrors.notFound();
    return expense;
  }

  private replay(earlier: IdempotencyKey, hash: string): ExpenseView {
    if (earlier.requestHash !== hash) throw ExpensesErrors.idempotencyKeyReused();
    return earlier.response;
  }

  private async build(userId: string, body: CreateExpenseBody): Promise<Expense> {
    const { currency } = body;
    const expense = new Expense({
      userId,
      vendor: body.vendor,
      date: body.date,
      amountMinor: minorUnits('amount', body.amount, currency),
      currency,
      category: await this.categories.resolve(userId, body.category),
    });
    expense.subtotalMinor = optionalMinorUnits('subtotal', body.subtotal, currency);
    expense.tipMinor = optionalMinorUnits('tip', body.tip, currency);
    expense.taxLines = taxLinesFrom(body.taxLines, currency);
    expense.paymentMethod = body.paymentMethod ?? null;
    expense.cardLast4 = body.cardLast4 ?? null;
    expense.tags = cleanTags(body.tags);
    expense.notes = body.notes ?? null;
    expense.status = body.status ?? 'confirmed';
    expense.documentId = await this.ownDocument(userId, body.documentId ?? null);
    await this.convert(expense);
    return expense;
  }

  /** Applies a PATCH; returns the names of the fields that really changed. */
  private async apply(expense: Expense, changes: UpdateExpenseBody): Promise<string[]> {
    const changed = new Set<string>();
    const set = <K extends keyof Expense>(field: string, key: K, value: Expense[K]) => {
      if (sameValue(expense[key], value)) return;
      expense[key] = value;
      changed.add(field);
    };
    const from = expense.currency;
    const to = changes.currency ?? from;
    // Money fields not in the PATCH keep their decimal value in the new currency ("12.34" stays "12.34").
    const money = (field: string, given: string | null | undefined, current: bigint | null) =>
      given !== undefined ? optionalMinorUnits(field, given, to) : current === null ? null : minorUnits(field, toDecimalString(current, from), to);

    if (changes.vendor !== undefined && changes.vendor.trim() !== expense.vendor) {
      expense.setVendor(changes.vendor);
      changed.add('vendor');
    }
    if (changes.date !== undefined) set('date', 'date', changes.date);
    set('currency', 'currency', to);
    set('amount', 'amountMinor', money('amount', changes.amount, expense.amountMinor) as bigint);
    set('subtotal', 'subtotalMinor', money('subtotal', changes.subtotal, expense.subtotalMinor));
    set('tip', 'tipMinor', money('tip', changes.tip, expense.tipMinor));
    if (changes.taxLines !== undefined) set('taxLines', 'taxLines', taxLinesFrom(changes.taxLines, to));
    else if (to !== from) set('taxLines', 'taxLines', rescaleTaxLines(expense.taxLines, from, to));
    if (changes.paymentMethod !== undefined) set('paymentMethod', 'paymentMethod', changes.paymentMethod);
    if (changes.cardLast4 !== undefined) set('cardLast4', 'cardLast4', changes.cardLast4);
    if (changes.tags !== undefined) set('tags', 'tags', cleanTags(changes.tags));
    if (changes.notes !== undefined) set('notes', 'notes', changes.notes);
    if (changes.status !== undefined) set('status', 'status', changes.status);
    if (changes.documentId !== undefined) set('documentId', 'documentId', await this.ownDocument(expense.userId, changes.documentId));
    if (changes.duplicateOf === null) set('duplicateOf', 'duplicateOf', null);
    if (changes.category !== undefined) {
      const category = await this.categories.resolve(expense.userId, changes.category);
      if (category.id !== expense.category.id) {
        expense.category = category;
        changed.add('category');
      }
    }
    if (['amount', 'currency', 'date'].some((field) => changed.has(field))) {
      const before = expense.conversion;
      await this.convert(expense);
      if (!sameValue(before, expense.conversion)) changed.add('converted');
    }
    return [...changed];
  }

  /** An expense may point only to a document of its own user. */
  private async ownDocument(userId: string, documentId: string | null): Promise<string | null> {
    if (documentId !== null && !(await this.documents.ownedBy(userId, documentId))) {
      throw ExpensesErrors.invalidField('documentId', 'no such document');
    }
    return documentId;
  }

  private async convert(expense: Expense): Promise<void> {
    const { baseCurrency } = await this.settings.get(expense.userId);
    expense.applyConversion(await this.conversions.convert(expense.amountMinor, expense.currency, expense.date, baseCurrency));
  }

  private async filter(userId: string, query: ListExpensesQuery): Promise<ExpenseFilter> {
    const amountCurrency = query.currency ?? (query.minAmount || query.maxAmount ? (await this.settings.get(userId)).baseCurrency : undefined);
    return {
      from: query.from,
      to: query.to,
      categoryId: query.category ? await this.categories.idFor(userId, query.category) : undefined,
      tags: query.tags ? cleanTags(query.tags.split(',')) : undefined,
      vendorText: query.q?.trim().toLowerCase(),
      currency: query.currency,
      minMinor: query.minAmount && amountCurrency ? minorUnits('minAmount', query.minAmount, amountCurrency) : undefined,
      maxMinor: query.maxAmount && amountCurrency ? minorUnits('maxAmount', query.maxAmount, amountCurrency) : undefined,
      status: query.status,
      documentId: query.documentId,
    };
  }
}
