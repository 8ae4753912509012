/**
 * What a model ID may hold. The ID is sent as the body's `model` and the upstream routes by it,
 * so spaces, control characters, `../admin?x=1#frag` or a 100,000-character ID are refused
 * before anything is sent, with the reason.
 */

/** Catalog IDs are under 50 characters; this leaves room for any real one. */
export const MAX_MODEL_ID_LENGTH = 200;

/** Letters, digits and `._:+-`, in parts separated by `/`; a part may start with `@` (`@cf/…`). */
const ALPHABET = /[^A-Za-z0-9._:+@/-]/;
const PART = /^@?[A-Za-z0-9][A-Za-z0-9._:+-]*$/;

/** C0 and C1 control characters (line breaks and NUL among them). */
function hasControlCharacter(id: string): boolean {
	for (let index = 0; index < id.length; index++) {
		const code = id.charCodeAt(index);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	}
	return false;
}

/** Why a trimmed, non-empty model ID cannot be sent, or undefined when it can. */
export function modelIdProblem(id: string): string | undefined {
	if (id.length > MAX_MODEL_ID_LENGTH) {
		return `is ${id.length} characters long, over the ${MAX_MODEL_ID_LENGTH}-character limit`;
	}
	if (hasControlCharacter(id)) return 'contains a control character or line break';
	if (/\s/.test(id)) return 'contains whitespace';
	const outside = ALPHABET.exec(id);
	if (outside) return `contains ${JSON.stringify(outside[0])}, which a model ID cannot hold`;
	if (!id.split('/').every((part) => PART.test(part))) {
		return 'has an empty part, or a part that does not start with a letter or digit, between its slashes';
	}
	return undefined;
}
