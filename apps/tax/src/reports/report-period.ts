import { DomainError, ErrorCode, type CreateTaxReportBody } from '@irp/contracts';

export interface Period {
  from: string;
  to: string;
}

/** The longest period one report may cover. */
export const MAX_PERIOD_YEARS = 5;

const invalid = (field: string, message: string) => new DomainError(ErrorCode.VALIDATION, message, { fields: [{ field, messages: [message] }] });

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** A calendar date `months` months after `date` (UTC, day kept: tax years start on fixed days). */
function addMonths(date: string, months: number): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 + months, day));
}

function dayBefore(date: Date): string {
  return iso(new Date(date.getTime() - 86_400_000));
}

/**
 * The period a report asks for: a tax year (`year`: the one starting in it, at `taxYearStart`),
 * one of its quarters, or custom dates. Mixed, inverted or longer than five years: VALIDATION.
 */
export function reportPeriod(body: Pick<CreateTaxReportBody, 'year' | 'quarter' | 'from' | 'to'>, taxYearStart: string): Period {
  const custom = body.from !== undefined || body.to !== undefined;
  if (custom && (body.year !== undefined || body.quarter !== undefined)) throw invalid('year', 'give either year (and quarter) or from and to, not both');
  if (custom) {
    if (body.from === undefined || body.to === undefined) throw invalid(body.from === undefined ? 'from' : 'to', 'a custom period needs both from and to');
    if (body.from > body.to) throw invalid('to', 'the period is inverted: to is before from');
    if (body.to >= iso(addMonths(body.from, 12 * MAX_PERIOD_YEARS))) throw invalid('to', `a report covers at most ${MAX_PERIOD_YEARS} years`);
    return { from: body.from, to: body.to };
  }
  if (body.year === undefined) throw invalid('year', 'give a tax year (year, optionally quarter) or a custom period (from and to)');
  const yearStart = `${body.year}-${taxYearStart}`;
  if (body.quarter === undefined) return { from: yearStart, to: dayBefore(addMonths(yearStart, 12)) };
  return { from: iso(addMonths(yearStart, 3 * (body.quarter - 1))), to: dayBefore(addMonths(yearStart, 3 * body.quarter)) };
}
