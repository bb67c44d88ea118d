import { ConflictException, NotFoundException, TransientException } from '@dsaas/model';
import { backoffDelay, isRetryable } from './delivery-policy';
import { PoisonMessageError } from './poison-message.error';

describe('delivery policy', () => {
  it('retries transient and unknown errors, not poison messages or client errors', () => {
    expect(isRetryable(new Error('ECONNRESET'))).toBe(true);
    expect(isRetryable(new TransientException('db down'))).toBe(true);
    expect(isRetryable(new PoisonMessageError('bad payload'))).toBe(false);
    expect(isRetryable(new NotFoundException('Tenant', 't1'))).toBe(false);
    expect(isRetryable(new ConflictException('already exists'))).toBe(false);
  });

  it('takes the backoff of the attempt and repeats the last one', () => {
    expect(backoffDelay([100, 500], 1)).toBe(100);
    expect(backoffDelay([100, 500], 2)).toBe(500);
    expect(backoffDelay([100, 500], 7)).toBe(500);
    expect(backoffDelay([], 3)).toBe(0);
  });
});
