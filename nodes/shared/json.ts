/** The outcome of parsing JSON text: the value, or why the text is not JSON. */
type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * JSON.parse as a result instead of an exception, so that callers raise their own typed error
 * (with the item and parameter it concerns) in plain code rather than from a catch block.
 */
export function parseJson(text: string): JsonParseResult {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}
