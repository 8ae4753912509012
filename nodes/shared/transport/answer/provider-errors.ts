/** The provider's `errors[]` envelope, read from a parsed (and already redacted) body. */
import type { ProviderError } from '../../errors/errors';
import type { Redactor } from './redact';

/** A provider's message is shown, stored with the execution and sent to error workflows: keep it short. */
const MAX_PROVIDER_MESSAGE = 500;
const MAX_PROVIDER_ERRORS = 10;

export function providerErrorsOf(parsed: unknown, redactor: Redactor): ProviderError[] {
	const errors = (parsed as { errors?: unknown } | null)?.errors;
	if (!Array.isArray(errors)) return [];
	return errors
		.filter(
			(entry): entry is { code?: unknown; message?: unknown } =>
				entry !== null && typeof entry === 'object',
		)
		.slice(0, MAX_PROVIDER_ERRORS)
		.map((entry) => {
			const text = typeof entry.message === 'string' ? entry.message : JSON.stringify(entry);
			const message = redactor.diagnostic(text);
			return {
				...(typeof entry.code === 'number' ? { code: entry.code } : {}),
				message:
					message.length > MAX_PROVIDER_MESSAGE
						? `${message.slice(0, MAX_PROVIDER_MESSAGE)}…`
						: message,
			};
		});
}

export function describeProviderErrors(errors: ProviderError[]): string {
	return errors
		.map((error) =>
			error.code === undefined ? error.message : `${error.message} (code ${error.code})`,
		)
		.join('; ');
}
