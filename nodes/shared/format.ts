/** How values appear in messages: one rendering for a user's value, one for a wait. */

/** A short, safe rendering of a user value for an error message. */
export function formatValue(value: unknown): string {
	if (value === undefined) return 'undefined';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null)
		return String(value);
	const json = JSON.stringify(value) ?? String(value);
	return json.length > 60 ? `${json.slice(0, 60)}…` : json;
}

/** A wait for messages: "3600 s", "1.5 s". */
export function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	if (seconds >= 1e9) return '10⁹ s or more'; // Retry-After's ceiling (transport/retry.ts)
	return `${seconds >= 10 || Number.isInteger(seconds) ? Math.round(seconds) : seconds.toFixed(1)} s`;
}
