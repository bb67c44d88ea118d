export * from './domain.exception';
export * from './problem-details';
