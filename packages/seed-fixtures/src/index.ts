export * from './random';
export * from './territory';
export * from './residents';
export * from './social-orgs';
export * from './catalogue';
export * from './activity-history';
export * from './social-workers';
export * from './service-contracts';
