/** What the account's governor says: the errors of the requests it fails, and its log lines. */
import {
	cutNotice,
	pauseTooLong,
	unheldPauseNotice,
	waitedTooLong,
} from '../../../../../nodes/shared/transport/account/governor-messages';
import { DataoortsRateLimitError } from '../../../../../nodes/shared/errors/errors';

describe('pauseTooLong', () => {
	test('names the wait asked, the pause kept and what the item had left', () => {
		const error = pauseTooLong(90_000, 30_000, 7_500);
		expect(error).toBeInstanceOf(DataoortsRateLimitError);
		expect(error.message).toBe(
			"Dataoorts rate-limited this account and asked to wait 90 s (Retry-After): its requests are paused for 30 s more, longer than the 7.5 s left of this item's Max Rate Limit Wait",
		);
	});

	test('without a pause kept, says nothing of one; a negative budget reads as 0 s', () => {
		expect(pauseTooLong(5_000, 0, -20).message).toBe(
			"Dataoorts rate-limited this account and asked to wait 5 s (Retry-After), longer than the 0 s left of this item's Max Rate Limit Wait",
		);
	});
});

test('waitedTooLong names the wait the request used up', () => {
	const error = waitedTooLong(300_000);
	expect(error).toBeInstanceOf(DataoortsRateLimitError);
	expect(error.message).toBe(
		'Dataoorts rate-limited this account, and the request waited the rest of its Max Rate Limit Wait (300 s) for its turn',
	);
});

describe('cutNotice', () => {
	test('a pause, then the rate with two decimals below 10 per second', () => {
		expect(cutNotice('Account dk-…abcd', 2_000, 0.0025)).toBe(
			'Account dk-…abcd is rate limited (429): pausing its requests for 2 s (Retry-After), then sending at most 2.50 requests per second',
		);
	});

	test('no pause: the rate alone, one decimal from 10 per second', () => {
		expect(cutNotice('A', 0, 0.012)).toBe(
			'A is rate limited (429): sending at most 12.0 requests per second',
		);
	});
});

test('unheldPauseNotice says the requests fail and no pause is kept', () => {
	expect(unheldPauseNotice('A', 3_600_000)).toBe(
		'A is rate limited (429) and asked to wait 3600 s (Retry-After), longer than any of its requests may wait: they fail, no pause is kept, the next request is sent at once',
	);
});
