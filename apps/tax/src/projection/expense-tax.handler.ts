import { Controller } from '@nestjs/common';
import { ExpenseTaxRequest, SUBJECTS, type ExpenseTaxView } from '@irp/contracts';
import { Rpc } from '@irp/messaging';
import { ExpenseTaxService } from './expense-tax.service';

@Controller()
export class ExpenseTaxHandler {
  constructor(private readonly expenseTax: ExpenseTaxService) {}

  @Rpc(SUBJECTS.getExpenseTax)
  get(request: ExpenseTaxRequest): Promise<ExpenseTaxView> {
    return this.expenseTax.get(request.userId, request.expenseId, request.estimate ?? false);
  }
}
