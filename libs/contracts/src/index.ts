export * from './messaging';
