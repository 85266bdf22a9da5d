/** The statement result shapes are the engine's (ksqlDB REST entities); the client re-exports them. */
export * from '../engine/results.js';
