import { valueOperand } from './value-operand';

/** ODRL `dateTime`: the evaluation time, compared with an ISO 8601 right operand. */
export const dateTimeOperand = valueOperand((context) => context.now.toISOString());

/** `dayOfWeek`: ISO day number of the evaluation time in UTC, 1 = Monday … 7 = Sunday. */
export const dayOfWeekOperand = valueOperand((context) => context.now.getUTCDay() || 7);
