/**
 * Asking for a stream, and not asking again where it is refused. Dataoorts documents no streaming:
 * `stream: true` goes beside `messages` (Workers AI's form), and an account whose upstream answers
 * 400 naming the `stream` field is asked without it from then on (per process: n8n restarts, or a
 * changed upstream, try again).
 */
import type { DataoortsError } from '../../errors/errors';
import type { AccountGovernor } from '../account/governor';
import { processState } from '../process-state';

export function refusesStream(governor: AccountGovernor): boolean {
	return processState.streamRefusedBy.has(governor);
}

export function rememberRefusal(governor: AccountGovernor): void {
	processState.streamRefusedBy.add(governor);
}

/** A 400 whose message names the `stream` field: the upstream does not take it. */
export function refusedStream(error: DataoortsError): boolean {
	if (error.status !== 400) return false;
	const texts = [error.message, ...error.providerErrors.map((entry) => entry.message)];
	return texts.some((text) => /\bstream\b/i.test(text));
}

/**
 * Where `data`'s members begin in the encoded body `{"model": …, "data": {…}}`. The model is a
 * string, and a quote inside a JSON string is escaped, so the first `"data":{` is the body's own.
 */
const DATA = '"data":{';

type Payload = string | Buffer;

function splice(payload: Payload, at: number, remove: number, insert: string): Payload {
	if (typeof payload === 'string')
		return payload.slice(0, at) + insert + payload.slice(at + remove);
	const parts = [payload.subarray(0, at), Buffer.from(insert), payload.subarray(at + remove)];
	return Buffer.concat(parts);
}

/**
 * The encoded body with `"stream":true` as the first member of `data`, or undefined when it has
 * no `data` object. Edited as bytes, not encoded again: a body is encoded once (its images).
 */
export function withStream<P extends Payload>(payload: P): P | undefined {
	const at = payload.indexOf(DATA);
	if (at === -1) return undefined;
	const members = at + DATA.length;
	const empty = payload.slice(members, members + 1).toString() === '}';
	return splice(payload, members, 0, empty ? '"stream":true' : '"stream":true,') as P;
}

/** The body as it was before withStream. */
export function withoutStream<P extends Payload>(payload: P): P {
	const members = payload.indexOf(DATA) + DATA.length;
	const comma = payload.slice(members + 13, members + 14).toString() === ',';
	return splice(payload, members, comma ? 14 : 13, '') as P;
}
