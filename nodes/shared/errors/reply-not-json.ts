/** JSON mode's own error (a kind of DataoortsError, exported with the others by errors.ts). */
import { MAX_JSON_DEPTH } from '../json';
import { DataoortsError } from './base';

/**
 * JSON mode: the reply could not be parsed, is nested too deeply to use, holds a number JSON
 * cannot hold (found `at` a path), or a reasoning model ran out of tokens before its answer
 * began. Quotes its start, when it came as text.
 */
type ReplyProblem = 'syntax' | 'too-deep' | 'overflow' | 'cut-in-thoughts';

export class ReplyNotJsonError extends DataoortsError {
	readonly code = 'DATAOORTS_REPLY_NOT_JSON';

	readonly retryable = false;

	constructor(reply: string | undefined, problem: ReplyProblem = 'syntax', at = '') {
		const what = {
			syntax: 'is not valid JSON',
			'too-deep': `is JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
			overflow: `holds a number JSON cannot hold (beyond ±1.8e308)${at ? ` at ${at}` : ''}`,
			'cut-in-thoughts': 'has no answer to parse as JSON',
		}[problem];
		const start = reply?.replace(/\s+/g, ' ').trim();
		const quoted =
			problem === 'cut-in-thoughts'
				? ': it was cut inside its reasoning, before </think>; raise Maximum Number of Tokens'
				: start === undefined
					? ''
					: `: "${start.length > 120 ? `${start.slice(0, 120)}…` : start}"`;
		super(`The model's reply ${what} (Response Format is JSON)${quoted}`);
	}
}
