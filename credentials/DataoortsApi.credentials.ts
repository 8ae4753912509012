import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_MODEL } from '../nodes/shared/catalog';
import { DATAOORTS_ICON } from '../nodes/shared/node-identity';

const DATAOORTS_DEFAULT_BASE_URL = 'https://cloud.dataoorts.com/api/v1';

export class DataoortsApi implements ICredentialType {
	name = 'dataoortsApi';

	displayName = 'Dataoorts API';

	icon: Icon = DATAOORTS_ICON;

	documentationUrl = 'https://cloud.dataoorts.com/ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your Dataoorts serverless API key, from https://cloud.dataoorts.com/ai',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DATAOORTS_DEFAULT_BASE_URL,
			description: 'The Dataoorts API endpoint. Change it only for a proxy or a test server.',
		},
		{
			displayName: 'Allow Plain HTTP',
			name: 'allowInsecureHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the key over unencrypted http:// to a host that is not this machine (loopback is always allowed). Leave off unless the endpoint is on a trusted private network.',
		},
	];

	// Lets the HTTP Request node use this credential as a predefined credential type.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Dataoorts has no key-check endpoint, so the test asks for a single token (cost: one prompt of
	// a few tokens). A bad key answers 401, which n8n reports as a failed test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '',
			method: 'POST',
			body: {
				model: DEFAULT_MODEL,
				data: { messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
			},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Dataoorts answered success: false; check the key and the base URL',
				},
			},
		],
	};
}
