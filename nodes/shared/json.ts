/**
 * JSON parsing with bounded nesting and size. JSON.parse itself copes with any depth, but what
 * comes after it (JSON.stringify, n8n's deep copies of items, LangChain) recurses once per
 * level: 100,000 levels would overflow the stack far from here, and be misreported.
 */

/** Deep enough for any real answer (envelope + tool arguments + a guided-JSON reply). */
export const MAX_JSON_DEPTH = 100;

export interface JsonLimits {
	maxDepth?: number;
	/** Longest text parsed, in UTF-16 code units. */
	maxChars?: number;
}

export type BoundedParse =
	| { ok: true; value: unknown }
	| { ok: false; problem: 'too-deep' | 'too-large' }
	| { ok: false; problem: 'syntax'; reason: string };

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const OPEN_OBJECT = 123;
const CLOSE_ARRAY = 93;
const CLOSE_OBJECT = 125;

/** Whether `text` holds at most `limit` opening brackets (native searches: fast when few). */
function fewOpeners(text: string, limit: number): boolean {
	let count = 0;
	for (const opener of ['[', '{']) {
		for (let at = text.indexOf(opener); at !== -1; at = text.indexOf(opener, at + 1)) {
			if (++count > limit) return false;
		}
	}
	return true;
}

/** Whether any array or object in `text` is nested deeper than `maxDepth`; one pass, no recursion. */
export function exceedsDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
	// Every level needs an opening bracket: with no more brackets than levels, no need to scan.
	if (text.length <= maxDepth || fewOpeners(text, maxDepth)) return false;
	let depth = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === BACKSLASH) index++;
			else if (code === QUOTE) inString = false;
		} else if (code === QUOTE) {
			inString = true;
		} else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
			if (++depth > maxDepth) return true;
		} else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
			depth--;
		}
	}
	return false;
}

export function parseBoundedJson(text: string, limits: JsonLimits = {}): BoundedParse {
	if (limits.maxChars !== undefined && text.length > limits.maxChars) {
		return { ok: false, problem: 'too-large' };
	}
	if (exceedsDepth(text, limits.maxDepth ?? MAX_JSON_DEPTH))
		return { ok: false, problem: 'too-deep' };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, problem: 'syntax', reason: (error as Error).message };
	}
}

/**
 * Where `value` holds a number JSON cannot hold: JSON.parse reads 1e400 as Infinity, which no
 * store keeps (n8n would save it as null). The first such path below `root`, or undefined.
 */
export function nonFiniteNumberAt(value: unknown, root: string): string | undefined {
	const stack: Array<[unknown, string]> = [[value, root]];
	while (stack.length > 0) {
		const [current, path] = stack.pop()!;
		if (typeof current === 'number' && !Number.isFinite(current)) return path;
		if (current === null || typeof current !== 'object') continue;
		for (const [key, child] of Object.entries(current).reverse()) {
			stack.push([child, Array.isArray(current) ? `${path}[${key}]` : `${path}.${key}`]);
		}
	}
	return undefined;
}
