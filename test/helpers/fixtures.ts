/** Shared test data: the seed page's own example, parsed from the page itself. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const seedPage = readFileSync(path.resolve(__dirname, '../../../shared/seed/dataoorts-gemma-3-12b-it.md'), 'utf8');

/** The seed's example answer (the ```json block of the page). */
export const SEED_RESPONSE = JSON.parse(seedPage.match(/```json\n([\s\S]*?)\n```/)![1]) as {
	result: { response: string; tool_calls: unknown[]; usage: Record<string, number> };
};

/** The seed's example request: the Python `payload = {...}` of the page, comments dropped. */
export const SEED_REQUEST = JSON.parse(
	seedPage
		.match(/payload = (\{[\s\S]*?\n\})/)![1]
		.split('\n')
		.filter((line) => !line.trim().startsWith('#'))
		.join('\n'),
) as { model: string; data: { messages: Array<{ role: string; content: string }>; [name: string]: unknown } };

/** The key the tests use: distinctive, so a scan of any output can find a leak. */
export const SECRET_KEY = 'dk-live-SECRET-7f3a9c2e41b8d6f0';
