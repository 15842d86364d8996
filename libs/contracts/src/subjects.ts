import type {
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
import type {
  DocumentIdRequest,
  DocumentPage,
  DocumentView,
  ExtractionCompleted,
  ExtractionFailed,
  ExtractionStarted,
  ListDocumentsRequest,
  OcrJob,
  RegisterDocumentRequest,
  RegisterDocumentResult,
} from './documents/document.dto';
import type { EventEnvelope } from './events';
import type { CategoryList, CategoryView, CreateCategoryRequest, ListCategoriesRequest, MergeCategoryRequest, RenameCategoryRequest } from './expenses/category.dto';
import type { CreateExpenseRequest, DeleteExpenseRequest, ExpenseIdRequest, ListExpensesRequest, UpdateExpenseRequest } from './expenses/expense-requests.dto';
import type { ExpensePage, ExpenseView } from './expenses/expense-view.dto';
import type { ExpenseCreated, ExpenseDeleted, ExpenseUpdated } from './expenses/expense.events';
import type { ImportRatesRequest, ImportRatesResult } from './expenses/fx.dto';
import type { GetSettingsRequest, SettingsView, UpdateSettingsRequest } from './expenses/settings.dto';

/** Every NATS subject of the platform. Services never spell a subject as a string literal. */
export const SUBJECTS = {
  registerUser: 'auth.user.register.v1',
  getUser: 'auth.user.get.v1',
  issueTokens: 'auth.token.issue.v1',
  refreshTokens: 'auth.token.refresh.v1',
  revokeTokens: 'auth.token.revoke.v1',
  getJwks: 'auth.jwks.get.v1',

  createExpense: 'expenses.expense.create.v1',
  getExpense: 'expenses.expense.get.v1',
  listExpenses: 'expenses.expense.list.v1',
  updateExpense: 'expenses.expense.update.v1',
  deleteExpense: 'expenses.expense.delete.v1',
  listCategories: 'expenses.category.list.v1',
  createCategory: 'expenses.category.create.v1',
  renameCategory: 'expenses.category.rename.v1',
  mergeCategory: 'expenses.category.merge.v1',
  getSettings: 'expenses.settings.get.v1',
  updateSettings: 'expenses.settings.update.v1',
  importFxRates: 'expenses.fx.import.v1',
  registerDocument: 'expenses.document.register.v1',
  getDocument: 'expenses.document.get.v1',
  listDocuments: 'expenses.document.list.v1',
  deleteDocument: 'expenses.document.delete.v1',

  /** Work queue (stream OCR_JOBS): one document for one ocr worker. */
  ocrJobRequested: 'ocr.jobs.read.v1',

  userRegistered: 'auth.events.user.registered.v1',
  expenseCreated: 'expenses.events.expense.created.v1',
  expenseUpdated: 'expenses.events.expense.updated.v1',
  expenseDeleted: 'expenses.events.expense.deleted.v1',
  extractionStarted: 'ocr.events.extraction.started.v1',
  extractionCompleted: 'ocr.events.extraction.completed.v1',
  extractionFailed: 'ocr.events.extraction.failed.v1',
} as const;

/** Request/reply subjects bound to their request and response types. */
export interface RpcMap {
  [SUBJECTS.registerUser]: { req: RegisterRequest; res: UserView };
  [SUBJECTS.getUser]: { req: GetUserRequest; res: UserView };
  [SUBJECTS.issueTokens]: { req: LoginRequest; res: TokenPair };
  [SUBJECTS.refreshTokens]: { req: RefreshRequest; res: TokenPair };
  [SUBJECTS.revokeTokens]: { req: LogoutRequest; res: LogoutResult };
  [SUBJECTS.getJwks]: { req: GetJwksRequest; res: Jwks };
  [SUBJECTS.createExpense]: { req: CreateExpenseRequest; res: ExpenseView };
  [SUBJECTS.getExpense]: { req: ExpenseIdRequest; res: ExpenseView };
  [SUBJECTS.listExpenses]: { req: ListExpensesRequest; res: ExpensePage };
  [SUBJECTS.updateExpense]: { req: UpdateExpenseRequest; res: ExpenseView };
  [SUBJECTS.deleteExpense]: { req: DeleteExpenseRequest; res: { deleted: true } };
  [SUBJECTS.listCategories]: { req: ListCategoriesRequest; res: CategoryList };
  [SUBJECTS.createCategory]: { req: CreateCategoryRequest; res: CategoryView };
  [SUBJECTS.renameCategory]: { req: RenameCategoryRequest; res: CategoryView };
  [SUBJECTS.mergeCategory]: { req: MergeCategoryRequest; res: CategoryView };
  [SUBJECTS.getSettings]: { req: GetSettingsRequest; res: SettingsView };
  [SUBJECTS.updateSettings]: { req: UpdateSettingsRequest; res: SettingsView };
  [SUBJECTS.importFxRates]: { req: ImportRatesRequest; res: ImportRatesResult };
  [SUBJECTS.registerDocument]: { req: RegisterDocumentRequest; res: RegisterDocumentResult };
  [SUBJECTS.getDocument]: { req: DocumentIdRequest; res: DocumentView };
  [SUBJECTS.listDocuments]: { req: ListDocumentsRequest; res: DocumentPage };
  [SUBJECTS.deleteDocument]: { req: DocumentIdRequest; res: { deleted: true } };
}

/** JetStream event subjects bound to their payloads (the `data` of the envelope). */
export interface EventMap {
  [SUBJECTS.userRegistered]: UserRegistered;
  [SUBJECTS.expenseCreated]: ExpenseCreated;
  [SUBJECTS.expenseUpdated]: ExpenseUpdated;
  [SUBJECTS.expenseDeleted]: ExpenseDeleted;
  [SUBJECTS.ocrJobRequested]: OcrJob;
  [SUBJECTS.extractionStarted]: ExtractionStarted;
  [SUBJECTS.extractionCompleted]: ExtractionCompleted;
  [SUBJECTS.extractionFailed]: ExtractionFailed;
}

export type RpcSubject = keyof RpcMap;
export type EventSubject = keyof EventMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['req'];
export type RpcResponse<S extends RpcSubject> = RpcMap[S]['res'];
export type EventOf<S extends EventSubject> = EventEnvelope<EventMap[S]>;
