/**
 * What the events of a streamed answer say, in Workers AI's format (Dataoorts documents none):
 * `{"response": "<next piece>"}` per event, `usage` and `tool_calls` on some (usually the last),
 * `[DONE]` at the end. An event in the error envelope (`success: false`) ends the stream.
 */
import { DataoortsAnswerError, DataoortsStatusError } from '../../errors/errors';
import { MAX_JSON_DEPTH, parseBoundedJson } from '../../json';
import type { DataoortsEnvelope } from '../../wire';
import { checkAnswer } from '../answer/answer-check';
import { describeProviderErrors, providerErrorsOf } from '../answer/provider-errors';
import type { Redactor } from '../answer/redact';

const DONE = '[DONE]';

/** The parts of a streamed answer that are not text, gathered as events arrive. */
export class StreamedAnswer {
	done = false;
	private usage: unknown;
	private readonly toolCalls: unknown[] = [];

	constructor(
		private readonly status: number,
		private readonly redactor: Redactor,
	) {}

	/** One event's data: the text piece it carries ('' when none), after noting the rest. */
	take(data: string): string {
		if (data.trim() === DONE) {
			this.done = true;
			return '';
		}
		const event = this.parse(data);
		if (event.success === false) {
			const errors = providerErrorsOf(event, this.redactor);
			throw new DataoortsStatusError(
				'DATAOORTS_API_FAILURE',
				`Dataoorts reported a failure in the middle of its streamed answer: ${errors.length > 0 ? describeProviderErrors(errors) : 'no error message given'}`,
				this.status,
				errors,
			);
		}
		if (event.usage !== undefined) this.usage = this.redactor.value(event.usage);
		if (Array.isArray(event.tool_calls))
			this.toolCalls.push(...this.redactor.value(event.tool_calls));
		const { response } = event;
		if (response === undefined || response === null) return '';
		if (typeof response !== 'string') throw this.invalid('its "response" is not text');
		return response;
	}

	/** The whole answer as the usual envelope (text as handed on, already scrubbed), checked. */
	toAnswer(text: string): DataoortsEnvelope {
		const result: DataoortsEnvelope['result'] = { response: text, tool_calls: this.toolCalls };
		if (this.usage !== undefined) result.usage = this.usage as DataoortsEnvelope['result']['usage'];
		return checkAnswer({ success: true, errors: [], messages: [], result }, this.status);
	}

	private parse(data: string): Record<string, unknown> {
		const parsed = parseBoundedJson(data);
		if (!parsed.ok) {
			throw this.invalid(
				parsed.problem === 'too-deep'
					? `JSON nested deeper than ${MAX_JSON_DEPTH} levels`
					: `not JSON: ${JSON.stringify(this.redactor.diagnostic(data).slice(0, 80))}`,
			);
		}
		const event = parsed.value;
		if (event === null || typeof event !== 'object' || Array.isArray(event))
			throw this.invalid('not a JSON object');
		return event as Record<string, unknown>;
	}

	private invalid(problem: string): DataoortsAnswerError {
		return new DataoortsAnswerError(
			'DATAOORTS_INVALID_RESPONSE',
			`Dataoorts answered ${this.status} with a stream event that is unusable: ${problem}`,
			this.status,
		);
	}
}
