// Everything a test needs, from one place: the pieces live in support/.
export * from './support/app.js';
export * from './support/database.js';
export * from './support/graphql.js';
export * from './support/logger.js';
export * from './support/probe.js';
export * from './support/proxy.js';
export * from './support/ws.js';
