// Every table, for drizzle-kit and for typed queries.
export * from './accounts.js';
export * from './people.js';
export * from './frameworks.js';
export * from './jobs.js';
export * from './needs-analysis.js';
export * from './training-plan.js';
export * from './catalog.js';
