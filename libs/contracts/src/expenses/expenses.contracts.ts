import { defineContracts, event, rpc } from '../contract-kit';
import {
  DOCUMENTS_BUCKET,
  DocumentIdRequest,
  DocumentPage,
  DocumentView,
  ListDocumentsRequest,
  PROGRESS_SUBJECTS,
  RegisterDocumentRequest,
  RegisterDocumentResult,
} from '../documents/document.dto';
import { STREAMS } from '../events';
import { CategoryList, CategoryView, CreateCategoryRequest, ListCategoriesRequest, MergeCategoryRequest, RenameCategoryRequest } from './category.dto';
import { DeletedResult } from './deleted-result.dto';
import { CreateExpenseRequest, DeleteExpenseRequest, ExpenseIdRequest, ListExpensesRequest, UpdateExpenseRequest } from './expense-requests.dto';
import { ExpensePage, ExpenseView } from './expense-view.dto';
import { ExpenseCreated, ExpenseDeleted, ExpenseUpdated } from './expense.events';
import { ImportRatesRequest, ImportRatesResult } from './fx.dto';
import { GetSettingsRequest, SettingsView, UpdateSettingsRequest } from './settings.dto';

/** What the expenses service serves and publishes on the bus. */
export const EXPENSES_CONTRACTS = defineContracts({
  service: 'expenses',
  streams: [STREAMS.EXPENSES, STREAMS.OCR_JOBS],
  rpc: {
    createExpense: rpc('expenses.expense.create.v1', CreateExpenseRequest, ExpenseView, 'File an expense (idempotent with a key)'),
    getExpense: rpc('expenses.expense.get.v1', ExpenseIdRequest, ExpenseView, 'One expense of a user'),
    listExpenses: rpc('expenses.expense.list.v1', ListExpensesRequest, ExpensePage, 'A page of a user\u2019s expenses'),
    updateExpense: rpc('expenses.expense.update.v1', UpdateExpenseRequest, ExpenseView, 'Change an expense (optionally only at a given version)'),
    deleteExpense: rpc('expenses.expense.delete.v1', DeleteExpenseRequest, DeletedResult, 'Delete an expense (optionally only at a given version)'),
    listCategories: rpc('expenses.category.list.v1', ListCategoriesRequest, CategoryList, 'A user\u2019s categories with counts'),
    createCategory: rpc('expenses.category.create.v1', CreateCategoryRequest, CategoryView, 'Add a category'),
    renameCategory: rpc('expenses.category.rename.v1', RenameCategoryRequest, CategoryView, 'Rename a category'),
    mergeCategory: rpc('expenses.category.merge.v1', MergeCategoryRequest, CategoryView, 'Move a category\u2019s expenses into another and remove it'),
    getSettings: rpc('expenses.settings.get.v1', GetSettingsRequest, SettingsView, 'A user\u2019s base currency and locale'),
    updateSettings: rpc('expenses.settings.update.v1', UpdateSettingsRequest, SettingsView, 'Change them; a new base currency re-converts the ledger'),
    importFxRates: rpc('expenses.fx.import.v1', ImportRatesRequest, ImportRatesResult, 'Store reference rates (admin)'),
    registerDocument: rpc('expenses.document.register.v1', RegisterDocumentRequest, RegisterDocumentResult, 'Register an uploaded document and queue it for reading'),
    getDocument: rpc('expenses.document.get.v1', DocumentIdRequest, DocumentView, 'A document with its status, extraction and expense'),
    listDocuments: rpc('expenses.document.list.v1', ListDocumentsRequest, DocumentPage, 'A page of a user\u2019s documents, newest first'),
    deleteDocument: rpc('expenses.document.delete.v1', DocumentIdRequest, DeletedResult, 'Delete a document and its bytes (its expense stays)'),
  },
  events: {
    expenseCreated: event('expenses.events.expense.created.v1', STREAMS.EXPENSES, ExpenseCreated, 'An expense was filed'),
    expenseUpdated: event('expenses.events.expense.updated.v1', STREAMS.EXPENSES, ExpenseUpdated, 'An expense changed (fields named in `changed`)'),
    expenseDeleted: event('expenses.events.expense.deleted.v1', STREAMS.EXPENSES, ExpenseDeleted, 'An expense was deleted (its last state)'),
  },
  uses: {
    consumers: { 'expenses-documents': { stream: STREAMS.OCR, filter: 'ocr.events.>' } },
    objectBuckets: [DOCUMENTS_BUCKET],
    publishes: [PROGRESS_SUBJECTS.expenses('*')],
  },
});
