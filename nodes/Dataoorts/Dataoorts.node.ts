import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { CREDENTIAL_TEST_NAME, testDataoortsCredential } from './credential-test';
import { nodeDescription } from './description';
import { route } from './router';

export class Dataoorts implements INodeType {
	description: INodeTypeDescription = nodeDescription;

	// The credential's Test button (the node's credentials entry names it in `testedBy`).
	methods = { credentialTest: { [CREDENTIAL_TEST_NAME]: testDataoortsCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
