/**
 * n8n's credential test, as far as it runs without the n8n server. It follows n8n's
 * CredentialsTester (packages/cli/src/services/credentials-tester.service.ts): defaults are
 * applied with NodeHelpers.getNodeParameters as CredentialsHelper.applyDefaultsAndOverwrites
 * does; the test is looked up the way getCredentialTestFunction does (a credential type's own
 * `test` first, then the first node listing the credential with `testedBy`, whose string names
 * a function in the node's methods.credentialTest); that function is called with n8n-core's
 * CredentialTestContext, as testCredentials does.
 */
import { CredentialTestContext } from 'n8n-core';
import {
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialTestFunction,
	type ICredentialTestRequestData,
	type ICredentialType,
	type INodeCredentialTestResult,
	type INodeParameters,
	type INodeType,
} from 'n8n-workflow';

import { DataoortsApi } from '../../credentials/DataoortsApi.credentials';
import { Dataoorts } from '../../nodes/Dataoorts/Dataoorts.node';
import { LmChatDataoorts } from '../../nodes/LmChatDataoorts/LmChatDataoorts.node';

/** The package's nodes, as n8n lists the credential's supported nodes. */
export const PACKAGE_NODES: INodeType[] = [new Dataoorts(), new LmChatDataoorts()];

export function findCredentialTest(
	type: ICredentialType,
	nodes: INodeType[],
): ICredentialTestFunction | ICredentialTestRequestData | undefined {
	if (type.test) return { testRequest: type.test };
	for (const node of nodes) {
		for (const { name, testedBy } of node.description.credentials ?? []) {
			if (name !== type.name || !testedBy) continue;
			if (typeof testedBy === 'string') return node.methods?.credentialTest?.[testedBy];
			return { nodeType: node, testRequest: testedBy };
		}
	}
	return undefined;
}

/** What the Test button (and every save) of a Dataoorts credential with `data` returns. */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const type = new DataoortsApi();
	const test = findCredentialTest(type, PACKAGE_NODES);
	if (typeof test !== 'function') throw new Error('n8n would not run the node credential test');
	const withDefaults = NodeHelpers.getNodeParameters(
		type.properties,
		data as INodeParameters,
		true,
		false,
		null,
		null,
	) as ICredentialDataDecryptedObject;
	return await test.call(new CredentialTestContext(), {
		id: 'cred-1',
		name: 'Dataoorts account',
		type: type.name,
		data: withDefaults,
	});
}
