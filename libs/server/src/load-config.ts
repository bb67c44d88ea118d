import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class ConfigValidationError extends Error {
  constructor(readonly variables: string[], details: string[]) {
    super(`Invalid configuration: ${details.join('; ')}`);
    this.name = 'ConfigValidationError';
  }
}

function flatten(errors: ValidationError[]): ValidationError[] {
  return errors.flatMap((e) => (e.children?.length ? flatten(e.children) : [e]));
}

/**
 * Reads environment variables into a typed, validated config class once at start-up.
 * Fails fast with a message naming every bad variable (and never echoing its value, which may be a secret).
 */
export function loadConfig<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = flatten(validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false }));
  if (errors.length > 0) {
    const variables = errors.map((e) => e.property);
    const details = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new ConfigValidationError(variables, details);
  }
  return config;
}
