/**
 * Llama Guard 3's verdict, read from its documented answer: "\n\nsafe", or "\n\nunsafe\nS2" with
 * the hazard categories comma-separated when several ("S1,S10").
 */

/** Llama Guard 3's hazard categories (Meta's model card, MLCommons taxonomy). */
export const LLAMA_GUARD_3_CATEGORIES: Readonly<Record<string, string>> = {
	S1: 'Violent Crimes',
	S2: 'Non-Violent Crimes',
	S3: 'Sex-Related Crimes',
	S4: 'Child Sexual Exploitation',
	S5: 'Defamation',
	S6: 'Specialized Advice',
	S7: 'Privacy',
	S8: 'Intellectual Property',
	S9: 'Indiscriminate Weapons',
	S10: 'Hate',
	S11: 'Suicide & Self-Harm',
	S12: 'Sexual Content',
	S13: 'Elections',
	S14: 'Code Interpreter Abuse',
};

export interface ModerationCategory {
	code: string;
	name: string;
}

export interface Moderation {
	safe: boolean;
	categories: ModerationCategory[];
}

/** The verdict, or null when the answer is not one Llama Guard 3 gives. */
export function parseModeration(text: unknown): Moderation | null {
	// A verdict is a few words: anything long is not one (and is not scanned).
	if (typeof text !== 'string' || text.length > 1000) return null;
	const [verdict, ...rest] = text
		.trim()
		.split('\n')
		.map((line) => line.trim());
	const codes = rest
		.join(',')
		.split(',')
		.map((code) => code.trim().toUpperCase())
		.filter((code) => code !== '');
	const known = codes.every((code) => code in LLAMA_GUARD_3_CATEGORIES);
	switch (verdict.toLowerCase()) {
		case 'safe':
			return codes.length === 0 ? { safe: true, categories: [] } : null;
		case 'unsafe':
			return known
				? {
						safe: false,
						categories: codes.map((code) => ({ code, name: LLAMA_GUARD_3_CATEGORIES[code] })),
					}
				: null;
		default:
			return null;
	}
}
