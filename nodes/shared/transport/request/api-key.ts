import { DataoortsCredentialError } from '../../errors/errors';

/**
 * The key as it will be sent: outer whitespace trimmed (pasting often adds some), inner
 * characters checked. Without this, undici refuses the header and the failure looks like a
 * network fault, is retried, and its hint points at the proxy.
 */
export function checkApiKey(value: unknown): string {
	const key = typeof value === 'string' ? value.trim() : '';
	if (key === '') {
		throw new DataoortsCredentialError(
			"The credential's API Key is empty; nothing was sent to Dataoorts",
		);
	}
	const problem = keyProblem(key);
	if (problem !== undefined) {
		throw new DataoortsCredentialError(
			`The credential's API Key contains ${problem}, which an API key cannot hold; nothing was sent to Dataoorts`,
		);
	}
	return key;
}

/** What is wrong with the key, named by kind only: the key itself is never quoted. */
function keyProblem(key: string): string | undefined {
	for (let index = 0; index < key.length; index++) {
		const code = key.charCodeAt(index);
		if (code === 0x0a || code === 0x0d) return 'a line break';
		if (code < 0x20 || code === 0x7f) return 'a control character';
		// Header-safe, and no key has one; usually "Bearer " pasted in front of the key.
		if (code === 0x20) return 'a space (enter the key alone, without "Bearer ")';
		if (code > 0x7e) return 'a character outside plain ASCII (such as a typographic quote)';
	}
	return undefined;
}
