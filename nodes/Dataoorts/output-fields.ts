/**
 * The simplified output item's fields, held once: the Simplify Output description names them and
 * the README's Output table shows them (a test compares it).
 */
export const OUTPUT_FIELDS = [
	{
		field: 'response',
		present: 'always',
		holds:
			"The answer's text; for a reasoning model, the answer after its thoughts (Reasoning Separate or Drop).",
	},
	{
		field: 'reasoning',
		present: 'Reasoning Separate, and the answer gave thoughts',
		holds: "A reasoning model's thoughts, without the think tags.",
	},
	{
		field: 'moderation',
		present: 'meta/llama-guard-3-8b',
		holds:
			'The verdict: { safe, categories: [{ code, name }] }, or null when the answer does not parse.',
	},
	{
		field: 'truncated',
		present: 'always',
		holds:
			"True when the answer was cut: completion_tokens reached Maximum Number of Tokens, or a reasoning model's thoughts never closed.",
	},
	{
		field: 'usage',
		present: 'always',
		holds: '{ prompt_tokens, completion_tokens, total_tokens } as the API counts them.',
	},
	{
		field: 'cost',
		present: 'always',
		holds: '{ input, output, total, currency: "USD" }, or null for a model without a price.',
	},
	{ field: 'tool_calls', present: 'always', holds: "The API's tool calls ([] when none)." },
	{
		field: 'model',
		present: 'always',
		holds: 'The model asked for (the API does not echo it).',
	},
] as const;

/** "response, reasoning, … and model". */
export function listOutputFields(): string {
	const names = OUTPUT_FIELDS.map((entry) => entry.field);
	return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
