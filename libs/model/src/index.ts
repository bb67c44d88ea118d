export * from './domain.exception';
export * from './problem-details';
export * from './vpa';
export * from './tenant';
export * from './participant-profile';
export * from './dataspace-profile';
export * from './cell';
export * from './principal';
