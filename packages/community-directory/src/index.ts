export * from './community-directory';
