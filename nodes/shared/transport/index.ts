/**
 * The one way to Dataoorts over HTTP (undici), by job: endpoint.ts (where the key may go),
 * attempt.ts (one POST), send.ts (the retry loop), response-body.ts (reading and classifying an
 * answer), dispatcher.ts (connection pools), redact.ts (the key never comes back).
 */
export { checkEndpoint } from './endpoint';
export {
	closeDispatchers,
	resetProcessState,
	systemClock,
	type Clock,
	type ClockTimer,
} from './process-state';
export type { GovernorLogger } from './governor-messages';
export type { GeneratedImage } from './image-answer';
export type { ChatRequest, PieceHandler } from './chat-request';
export { sendChatRequest } from './send';
export { sendImageRequest } from './send-image';
