export { ValidationException as ValidationExceptionLike } from '@dsaas/model';
export { CelCompilationException, CelExpressionConflictException, CelExpressionRegistry, PolicyEngine } from '@dsaas/policy';
