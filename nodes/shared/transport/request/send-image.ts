/** An image model's request: the same governor, retries, timeout, stop and redaction as text. */
import { imageAnswer, type GeneratedImage } from '../answer/image-answer';
import type { ChatRequest } from './chat-request';
import { sendRequest } from './send';

export async function sendImageRequest(request: ChatRequest): Promise<GeneratedImage> {
	return await sendRequest(request, imageAnswer);
}
