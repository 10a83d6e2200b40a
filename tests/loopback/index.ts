/** The loopback Discord: start one per test file, point discord.js at it, and inspect what the bot sent. */
export * from './client.js';
export * from './interactions.js';
export * from './limits.js';
export * from './server.js';
export * from './snowflake.js';
