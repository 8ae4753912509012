/**
 * Scrubs the API key out of everything that comes back from the provider or from a URL, before
 * it can reach an item, an error, a log line or an AI agent. A hostile or sloppy upstream may
 * echo the Authorization header anywhere: an error message, an HTML page, even a success answer.
 */

export const REDACTED = '[redacted]';

export interface Redactor {
	/** Provider text with the key (also as `Bearer <key>` and in its escaped forms) replaced. */
	text(value: string): string;
	/** Text for diagnostics (messages, snippets, content types): also drops URL userinfo. */
	diagnostic(value: string): string;
	/**
	 * A parsed JSON value, redacted in place (strings and property names). Only for values from
	 * the bounded parser: the walk recurses once per level.
	 */
	value<T>(value: T): T;
}

/** The forms the key can take in a body: as is, JSON-escaped, URL-encoded. */
export function secretForms(apiKey: string): string[] {
	if (apiKey === '') return [];
	const json = JSON.stringify(apiKey).slice(1, -1);
	const forms = [apiKey, json, json.replace(/\//g, '\\/'), encodeURIComponent(apiKey)];
	// Longest first, so no form is left half-replaced by a shorter one.
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** Where userinfo after `://` must end: `@`, or where a host or path begins. */
function endsUserinfo(char: string): boolean {
	return char === '@' || char === '/' || char === '?' || char === '#' || /\s/.test(char);
}

/**
 * `scheme://user:password@` → `scheme://***@`, inside free text. A scan, not a regex: a
 * provider message of megabytes must not make a backtracking regex run for minutes.
 */
export function scrubUserinfo(text: string): string {
	let out = '';
	let copied = 0;
	for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
		const start = at + 3;
		let end = start;
		while (end < text.length && !endsUserinfo(text[end])) end++;
		if (text[end] === '@' && end > start) {
			out += `${text.slice(copied, start)}***`;
			copied = end;
		}
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A URL that may not even parse, for an error message: whatever precedes its last `@` (after
 * `//`) is treated as userinfo. Over-scrubbing an unusable URL is the safe side.
 */
export function scrubUrl(url: string): string {
	const at = url.lastIndexOf('@');
	if (at === -1) return url;
	const slashes = url.indexOf('//');
	const from = slashes !== -1 && slashes < at ? slashes + 2 : 0;
	return `${url.slice(0, from)}***${url.slice(at)}`;
}

export function createRedactor(apiKey: string): Redactor {
	const forms = secretForms(apiKey);
	const text = (value: string): string => {
		let out = value;
		for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
		return out;
	};
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string') return text(value);
		if (value === null || typeof value !== 'object') return value;
		if (Array.isArray(value)) {
			for (let index = 0; index < value.length; index++) value[index] = walk(value[index]);
			return value;
		}
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const clean = text(key);
			const inner = walk(record[key]);
			if (clean !== key) delete record[key];
			record[clean] = inner;
		}
		return value;
	};
	return {
		text,
		diagnostic: (value) => scrubUserinfo(text(value)),
		value: <T>(value: T) => walk(value) as T,
	};
}
