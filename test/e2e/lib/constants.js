'use strict';
/* Values the checks and the machinery share. */
module.exports = {
	API_KEY: 'e2e-test-key',
	// The Dataoorts Chat Model sub-node needs @n8n/ai-node-sdk, which n8n ships from 2.16.0 on.
	AI_SDK_MIN_N8N: '2.16.0',
	// What n8n must list once the package is installed (GET /types/nodes.json, /types/credentials.json).
	NODE_TYPES: ['n8n-nodes-dataoorts.dataoorts', 'n8n-nodes-dataoorts.lmChatDataoorts'],
	CREDENTIAL_TYPES: ['dataoortsApi'],
	// The CSV example writes here; each run points it at its own folder.
	EXAMPLE_OUT_DIR: '/tmp/n8n-dataoorts',
};
