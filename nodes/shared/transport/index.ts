/**
 * The one way to Dataoorts over HTTP (undici). One request goes one way through its folders:
 * request/ (the retry loop) → account/ (the account's governor) → attempt/ (one POST, whole or
 * streamed; connection/ holds its pools) → answer/ (reading and classifying what came back).
 * process-state.ts holds everything kept for the process, with one reset.
 */
export { checkEndpoint } from './request/endpoint';
export {
	closeDispatchers,
	resetProcessState,
	systemClock,
	type Clock,
	type ClockTimer,
} from './process-state';
export type { GovernorLogger } from './account/governor-messages';
export type { GeneratedImage } from './answer/image-answer';
export type { ChatRequest, PieceHandler } from './request/chat-request';
export { sendChatRequest } from './request/send';
export { sendImageRequest } from './request/send-image';
