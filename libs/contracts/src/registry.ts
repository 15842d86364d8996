import { Equals } from 'class-validator';
import {
  GetJwksRequest,
  GetUserRequest,
  Jwks,
  LoginRequest,
  LogoutRequest,
  LogoutResult,
  RefreshRequest,
  RegisterRequest,
  TokenPair,
  UserRegistered,
  UserView,
} from './auth/auth.dto';
import { DocumentIdRequest, DocumentPage, DocumentView, ExtractionCompleted, ExtractionFailed, ExtractionStarted, ListDocumentsRequest, OcrJob, RegisterDocumentRequest, RegisterDocumentResult } from './documents/document.dto';
import { STREAMS, type StreamName } from './events';
import { CategoryList, CategoryView, CreateCategoryRequest, ListCategoriesRequest, MergeCategoryRequest, RenameCategoryRequest } from './expenses/category.dto';
import { CreateExpenseRequest, DeleteExpenseRequest, ExpenseIdRequest, ListExpensesRequest, UpdateExpenseRequest } from './expenses/expense-requests.dto';
import { ExpensePage, ExpenseView } from './expenses/expense-view.dto';
import { ExpenseCreated, ExpenseDeleted, ExpenseUpdated } from './expenses/expense.events';
import { ImportRatesRequest, ImportRatesResult } from './expenses/fx.dto';
import { GetSettingsRequest, SettingsView, UpdateSettingsRequest } from './expenses/settings.dto';
import { SUBJECTS, type EventMap, type EventSubject, type RpcMap, type RpcSubject } from './subjects';

type Class<T> = abstract new (...args: never[]) => T;

export interface RpcContract<S extends RpcSubject> {
  summary: string;
  request: Class<RpcMap[S]['req']>;
  /** null for answers without a class (e.g. `{ deleted: true }`). */
  response: Class<RpcMap[S]['res']> | null;
}

export interface EventContract<S extends EventSubject> {
  summary: string;
  stream: StreamName;
  payload: Class<EventMap[S]>;
}

export class DeletedResult {
  @Equals(true)
  deleted!: true;
}

/**
 * The runtime side of RpcMap and EventMap: the classes behind every subject, for documentation
 * (AsyncAPI, OpenAPI). The mapped types make a subject without an entry, or an entry whose classes
 * do not match the subject's types, a compile error.
 */
export const RPC_CONTRACTS: { [S in RpcSubject]: RpcContract<S> } = {
  [SUBJECTS.registerUser]: { summary: 'Create an account', request: RegisterRequest, response: UserView },
  [SUBJECTS.getUser]: { summary: 'A user by id', request: GetUserRequest, response: UserView },
  [SUBJECTS.issueTokens]: { summary: 'Log in: e-mail and password for an access and a refresh token', request: LoginRequest, response: TokenPair },
  [SUBJECTS.refreshTokens]: { summary: 'Rotate a refresh token; reuse of a rotated one revokes its family', request: RefreshRequest, response: TokenPair },
  [SUBJECTS.revokeTokens]: { summary: 'Log out: revoke the family of a refresh token', request: LogoutRequest, response: LogoutResult },
  [SUBJECTS.getJwks]: { summary: 'Public keys verifying access tokens', request: GetJwksRequest, response: Jwks },
  [SUBJECTS.createExpense]: { summary: 'File an expense (idempotent with a key)', request: CreateExpenseRequest, response: ExpenseView },
  [SUBJECTS.getExpense]: { summary: 'One expense of a user', request: ExpenseIdRequest, response: ExpenseView },
  [SUBJECTS.listExpenses]: { summary: 'A page of a user\u2019s expenses', request: ListExpensesRequest, response: ExpensePage },
  [SUBJECTS.updateExpense]: { summary: 'Change an expense (optionally only at a given version)', request: UpdateExpenseRequest, response: ExpenseView },
  [SUBJECTS.deleteExpense]: { summary: 'Delete an expense (optionally only at a given version)', request: DeleteExpenseRequest, response: DeletedResult as Class<{ deleted: true }> },
  [SUBJECTS.listCategories]: { summary: 'A user\u2019s categories with counts', request: ListCategoriesRequest, response: CategoryList },
  [SUBJECTS.createCategory]: { summary: 'Add a category', request: CreateCategoryRequest, response: CategoryView },
  [SUBJECTS.renameCategory]: { summary: 'Rename a category', request: RenameCategoryRequest, response: CategoryView },
  [SUBJECTS.mergeCategory]: { summary: 'Move a category\u2019s expenses into another and remove it', request: MergeCategoryRequest, response: CategoryView },
  [SUBJECTS.getSettings]: { summary: 'A user\u2019s base currency and locale', request: GetSettingsRequest, response: SettingsView },
  [SUBJECTS.updateSettings]: { summary: 'Change them; a new base currency re-converts the ledger', request: UpdateSettingsRequest, response: SettingsView },
  [SUBJECTS.importFxRates]: { summary: 'Store reference rates (admin)', request: ImportRatesRequest, response: ImportRatesResult },
  [SUBJECTS.registerDocument]: { summary: 'Register an uploaded document and queue it for reading', request: RegisterDocumentRequest, response: RegisterDocumentResult },
  [SUBJECTS.getDocument]: { summary: 'A document with its status, extraction and expense', request: DocumentIdRequest, response: DocumentView },
  [SUBJECTS.listDocuments]: { summary: 'A page of a user\u2019s documents, newest first', request: ListDocumentsRequest, response: DocumentPage },
  [SUBJECTS.deleteDocument]: { summary: 'Delete a document and its bytes (its expense stays)', request: DocumentIdRequest, response: DeletedResult as Class<{ deleted: true }> },
};

export const EVENT_CONTRACTS: { [S in EventSubject]: EventContract<S> } = {
  [SUBJECTS.userRegistered]: { summary: 'A user registered', stream: 'AUTH', payload: UserRegistered },
  [SUBJECTS.expenseCreated]: { summary: 'An expense was filed', stream: 'EXPENSES', payload: ExpenseCreated },
  [SUBJECTS.expenseUpdated]: { summary: 'An expense changed (fields named in `changed`)', stream: 'EXPENSES', payload: ExpenseUpdated },
  [SUBJECTS.expenseDeleted]: { summary: 'An expense was deleted (its last state)', stream: 'EXPENSES', payload: ExpenseDeleted },
  [SUBJECTS.ocrJobRequested]: { summary: 'A document waits to be read (work queue: one worker takes it)', stream: 'OCR_JOBS', payload: OcrJob },
  [SUBJECTS.extractionStarted]: { summary: 'An ocr worker took the document', stream: 'OCR', payload: ExtractionStarted },
  [SUBJECTS.extractionCompleted]: { summary: 'A document was read: text and fields with confidence', stream: 'OCR', payload: ExtractionCompleted },
  [SUBJECTS.extractionFailed]: { summary: 'A document could not be read (reason for the user)', stream: 'OCR', payload: ExtractionFailed },
};

export { STREAMS };
