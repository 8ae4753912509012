/**
 * The credential's Test button. n8n runs it on every save of the credential. It goes through
 * the node's own transport, so it obeys the node's rules: no redirects, no key over plain http
 * to another host, a 2xx without the success envelope fails, a wrong key shows Dataoorts' own
 * message and code, and the key never appears in what is shown.
 *
 * A declarative `test` request on the credential type cannot do this: n8n sends it through its
 * generic HTTP client, which follows redirects with the header and accepts any 2xx page. n8n
 * also prefers a credential type's `test` over a node's, so the type has none.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { DEFAULT_MODEL } from './catalog';
import { connectionFromCredentials, type DataoortsCredentialData } from './connection';
import { DataoortsError } from './errors/errors';
import { hintFor } from './errors/to-node-error';
import { sendChatRequest } from './transport';

/** Dataoorts has no key-check endpoint: the test is a real request for one token. */
export const CREDENTIAL_TEST_BODY = {
	model: DEFAULT_MODEL,
	data: { messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
};

/** Long enough for a cold model; the user is waiting on the credential dialog. */
export const CREDENTIAL_TEST_TIMEOUT_MS = 30_000;

function failureMessage(error: unknown): string {
	if (!(error instanceof DataoortsError)) {
		return 'The test failed unexpectedly; run the Dataoorts node to see the full error';
	}
	const hint = hintFor(error);
	return hint === undefined ? error.message : `${error.message}. ${hint}`;
}

export async function testDataoortsCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as unknown as DataoortsCredentialData;
	try {
		// One attempt: each is a billed request, and the test is run on every save.
		await sendChatRequest({
			connection: connectionFromCredentials(data),
			body: CREDENTIAL_TEST_BODY,
			timeoutMs: CREDENTIAL_TEST_TIMEOUT_MS,
			maxRetries: 0,
			// Nor a wait on a rate limit: the user is waiting on the dialog.
			maxRateLimitWaitMs: 0,
		});
		return { status: 'OK', message: 'Connection successful: Dataoorts answered a 1-token request' };
	} catch (error) {
		return { status: 'Error', message: failureMessage(error) };
	}
}
