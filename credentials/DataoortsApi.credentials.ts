import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { DATAOORTS_DEFAULT_BASE_URL } from '../nodes/shared/connection';
import { DATAOORTS_ICON } from '../nodes/shared/node-identity';

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

	// No `test` request here: n8n would prefer it to the node's credential test, which goes
	// through the node's transport and rules (nodes/shared/credential-test.ts).
}
