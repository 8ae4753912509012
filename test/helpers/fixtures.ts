/** Shared test data: the seed page's own example (copied into test/fixtures, see its README). */
import type { INode } from 'n8n-workflow';

import seedAnswer from '../fixtures/seed-answer.json';
import seedRequest from '../fixtures/seed-request.json';

/** The seed's example answer. */
export const SEED_RESPONSE = seedAnswer as {
	result: { response: string; tool_calls: unknown[]; usage: Record<string, number> };
};

/** The seed's example request. */
export const SEED_REQUEST = seedRequest as {
	model: string;
	data: { messages: Array<{ role: string; content: string }>; [name: string]: unknown };
};

/** The key the tests use: distinctive, so a scan of any output can find a leak. */
export const SECRET_KEY = 'dk-live-SECRET-7f3a9c2e41b8d6f0';

/** A node as a workflow holds it, at the origin and with no parameters unless given. */
export function testNode(
	node: Pick<INode, 'id' | 'name' | 'type' | 'typeVersion'> & Partial<INode>,
): INode {
	return { position: [0, 0], parameters: {}, ...node };
}
