import {
	UNDICI_TIMEOUT_MARGIN_MS,
	isAttemptTimeout,
	undiciTimeouts,
} from '../../../../../nodes/shared/transport/attempt/deadline';
import { DataoortsStatusError } from '../../../../../nodes/shared/errors/errors';

test("undici's own timers sit past the attempt's timer, so ours always fires first", () => {
	expect(undiciTimeouts(1000)).toEqual({
		headersTimeout: 1000 + UNDICI_TIMEOUT_MARGIN_MS,
		bodyTimeout: 1000 + UNDICI_TIMEOUT_MARGIN_MS,
	});
});

describe('isAttemptTimeout', () => {
	const socketClosed = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });

	test('our timer fired', () => {
		expect(isAttemptTimeout(new Error('aborted'), true, 10, 1000)).toBe(true);
	});

	test("undici's header or body timer fired first", () => {
		for (const code of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']) {
			expect(isAttemptTimeout(Object.assign(new Error(code), { code }), false, 990, 1000)).toBe(
				true,
			);
		}
	});

	test('any connection failure once the whole timeout has passed', () => {
		expect(isAttemptTimeout(socketClosed, false, 1000, 1000)).toBe(true);
		expect(isAttemptTimeout(socketClosed, false, 999, 1000)).toBe(false);
	});

	test('an answer that arrived is what it is, however late', () => {
		const answered = new DataoortsStatusError('DATAOORTS_HTTP_STATUS', '500', 500, [], undefined);
		expect(isAttemptTimeout(answered, false, 5000, 1000)).toBe(false);
	});
});
