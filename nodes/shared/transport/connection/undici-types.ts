// undici's types, for the transport's files: undici itself is loaded in dispatcher.ts only.
export type { buildConnector, Dispatcher } from 'undici';
