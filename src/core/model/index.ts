export * from './channel.js';
export * from './line.js';
export * from './queue.js';
export * from './agent.js';
export * from './contact.js';
export * from './event.js';
export * from './conversation.js';
