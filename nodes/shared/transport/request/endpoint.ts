/**
 * Where the key may go: the credential's base URL, checked before the key is attached to anything
 * (https, or plain http only to this machine unless the credential allows it).
 */
import { DataoortsConfigError } from '../../errors/errors';
import { processState } from '../process-state';
import { scrubUrl } from '../answer/redact';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

function isLoopback(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Checks the base URL before the key is attached to anything. */
export function checkEndpoint(baseUrl: string, allowInsecureHttp = false): URL {
	const key = `${allowInsecureHttp ? 1 : 0}${baseUrl}`;
	const { checkedEndpoints } = processState;
	let url = checkedEndpoints.get(key);
	if (url === undefined) {
		url = parseEndpoint(baseUrl, allowInsecureHttp);
		// A credential has one base URL; the cap only guards against expressions that vary it.
		if (checkedEndpoints.size >= 100) checkedEndpoints.clear();
		checkedEndpoints.set(key, url);
	}
	return url;
}

function parseEndpoint(baseUrl: string, allowInsecureHttp: boolean): URL {
	// String(): an expression or an old credential may hand over something that is not a string.
	const text = String(baseUrl ?? '').trim();
	if (!URL.canParse(text)) {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL is not a valid URL: ${JSON.stringify(scrubUrl(text))}`,
		);
	}
	const url = new URL(text);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL must start with https:// (got ${url.protocol}//)`,
		);
	}
	// Dataoorts takes only the key: a user name or password would be dropped silently, so refused.
	if (url.username !== '' || url.password !== '') {
		throw new DataoortsConfigError(
			'DATAOORTS_INVALID_URL',
			`The credential's Base URL must not contain a user name or password: ${JSON.stringify(scrubUrl(text))}; the API Key is the only credential Dataoorts takes`,
		);
	}
	if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecureHttp) {
		throw new DataoortsConfigError(
			'DATAOORTS_INSECURE_URL',
			`Refusing to send the API key over plain http:// to ${url.host}; use https://, or turn on "Allow Plain HTTP" in the credential for a trusted private network`,
		);
	}
	return url;
}
