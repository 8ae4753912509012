// n8n's community-node lint: the configuration that `n8n-node lint` runs (@n8n/node-cli 0.48's
// dist/configs/eslint.js, n8n Cloud variant), written out so that each plugin is pinned in
// devDependencies; then the undici transport's exceptions, each in its one file, and the
// configuration for the tests and the benchmark.
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default defineConfig(
	globalIgnores(['dist', 'bench/.build', 'bench/results', 'coverage']),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [
			js.configs.recommended,
			tseslint.configs.recommended,
			communityNodesRecommended,
			importPlugin.configs['flat/recommended'],
		],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		settings: {
			'import-x/resolver-next': [createTypeScriptImportResolver()],
		},
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		rules: {
			...n8nNodesBase.configs.community.rules,
		},
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: {
				extraFileExtensions: ['.json'],
			},
		},
	},
	{
		files: ['./credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['./nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},

	// The only rules turned off beyond n8n's own configuration: what the undici transport (the
	// package's HTTP client) cannot do without, each in the one file that needs it.
	{
		// undici is imported (its types) and required (lazily, so n8n's start does not load it) here
		// only; proxies come from HTTP_PROXY / HTTPS_PROXY / NO_PROXY in process.env.
		files: ['./nodes/shared/transport/connection/dispatcher.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
		},
	},
	{
		// Node's zlib decodes answers a server or proxy compressed unasked (undici's decompress
		// interceptor reads no raw DEFLATE and skips error answers).
		files: ['./nodes/shared/transport/answer/codings.ts'],
		rules: { '@n8n/community-nodes/no-restricted-imports': 'off' },
	},
	{
		// The real clock that attempt timeouts, the governor's pauses and retry backoff wait on (the
		// transport's one clock, injected there) needs setTimeout/clearTimeout.
		files: ['./nodes/shared/transport/process-state.ts'],
		rules: { '@n8n/community-nodes/no-restricted-globals': 'off' },
	},
	{
		files: ['package.json'],
		rules: {
			// undici, the transport's HTTP client, is the package's one runtime dependency.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	// Tests, the benchmark and their scripts: not a community node, so n8n's rules do not apply;
	// they run on Node itself (its globals, CommonJS for the .js harnesses), and the e2e, queue and
	// bench scripts report on the console.
	{
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		extends: [
			js.configs.recommended,
			tseslint.configs.recommended,
			importPlugin.configs['flat/recommended'],
		],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			'prefer-spread': 'off',
			// The loopback server and e2e helpers are plain JavaScript, typed where they are required;
			// some tests require a module late on purpose (to see what loading it does).
			'@typescript-eslint/no-require-imports': ['error', { allow: ['^\\.\\.?/'] }],
		},
	},
	{
		// The benchmark times require() itself and loads the built package by computed path, as the
		// package test loads the built nodes the way n8n does.
		files: ['bench/**/*.ts', 'test/slow/package.test.ts'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['test/**/*.js'],
		extends: [js.configs.recommended],
		languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
	},
	{
		files: ['test/**/*.{ts,js}'],
		ignores: ['test/e2e/**', 'test/queue/**'],
		rules: { 'no-console': 'error' },
	},
);
