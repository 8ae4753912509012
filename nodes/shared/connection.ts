/** How both nodes reach Dataoorts: the connection built from the decrypted credential. */

export const DATAOORTS_DEFAULT_BASE_URL = 'https://cloud.dataoorts.com/api/v1';

/** The decrypted `dataoortsApi` credential as a node receives it. */
export interface DataoortsCredentialData {
	apiKey: string;
	baseUrl: string;
	allowInsecureHttp?: boolean;
}

/** Where and with which key requests go; never part of a request body. */
export interface DataoortsConnection {
	baseUrl: string;
	apiKey: string;
	/** Allow plain http:// to a non-loopback host (the credential's "Allow Plain HTTP"). */
	allowInsecureHttp: boolean;
}

/**
 * The key stays readable but is not enumerable, so logging or serialising a connection (or an
 * object holding one, such as the chat model) never prints it.
 */
export function connectionFromCredentials(
	credentials: DataoortsCredentialData,
): DataoortsConnection {
	// An empty Base URL (a credential saved before the field, or cleared) means the real API.
	const baseUrl =
		typeof credentials.baseUrl === 'string' && credentials.baseUrl.trim() !== ''
			? credentials.baseUrl
			: DATAOORTS_DEFAULT_BASE_URL;
	return Object.defineProperty(
		{ baseUrl, allowInsecureHttp: credentials.allowInsecureHttp === true },
		'apiKey',
		{ value: credentials.apiKey, enumerable: false },
	) as DataoortsConnection;
}
