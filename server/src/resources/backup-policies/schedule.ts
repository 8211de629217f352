// Backup schedules are standard five-field cron expressions, evaluated in UTC.
import { CronExpressionParser } from 'cron-parser';
import { ApiError } from '../../errors/api-error.js';
import { invalidRequest } from '../../errors/catalog.js';

function invalid(message: string): ApiError {
  return invalidRequest('Invalid schedule', [{ field: 'schedule', message }]);
}

/** The first slot strictly after `afterMs`; throws a 400 naming `schedule` when the expression is not valid cron. */
export function nextSlot(schedule: string, afterMs: number): number {
  const fields = schedule.trim().split(/\s+/);
  // The parser also takes 6-field (seconds) and shortened forms; the API promises standard cron only.
  if (fields.length !== 5) throw invalid('Must be a five-field cron expression (minute hour day-of-month month day-of-week), in UTC');
  try {
    return CronExpressionParser.parse(fields.join(' '), { currentDate: new Date(afterMs), tz: 'UTC' }).next().getTime();
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'Not a cron expression');
  }
}
