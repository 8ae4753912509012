/** The loopback server's account limit (a token bucket per key), used by the rate-limit tests and the bench. */
const { createAccountLimit } = require('./account-limit.js') as {
	createAccountLimit: (options: { rate: number; burst: number; retryAfter?: string }) => {
		take(key: string, now?: number): { limited: boolean; retryAfter?: string };
		records: Array<{ key: string; allowed: boolean; retryAfter?: string }>;
		counts(key?: string): { allowed: number; limited: number; total: number };
		setRecording(on: boolean): void;
	};
};

test('a bucket per key: the burst at once, then the rate; beyond it 429 with whole seconds to wait', () => {
	const limit = createAccountLimit({ rate: 10, burst: 2 });
	expect([0, 0, 0].map((at) => limit.take('a', at))).toEqual([
		{ limited: false },
		{ limited: false },
		{ limited: true, retryAfter: '1' },
	]);
	expect(limit.take('b', 0)).toEqual({ limited: false });
	expect(limit.take('a', 99)).toMatchObject({ limited: true });
	expect(limit.take('a', 200)).toEqual({ limited: false });
	expect(limit.counts('a')).toEqual({ allowed: 3, limited: 2, total: 5 });
	expect(limit.counts()).toEqual({ allowed: 4, limited: 2, total: 6 });
	expect(limit.records.map((record) => record.allowed)).toEqual([
		true,
		true,
		false,
		true,
		false,
		true,
	]);
});

test('slow rates wait longer; the header can be left out or fixed', () => {
	expect(createAccountLimit({ rate: 0.25, burst: 1 }).take('a', 0)).toEqual({ limited: false });
	const slow = createAccountLimit({ rate: 0.25, burst: 1 });
	slow.take('a', 0);
	expect(slow.take('a', 0)).toEqual({ limited: true, retryAfter: '4' });
	const none = createAccountLimit({ rate: 1, burst: 1, retryAfter: 'none' });
	none.take('a', 0);
	expect(none.take('a', 0)).toEqual({ limited: true, retryAfter: undefined });
	const fixed = createAccountLimit({ rate: 1, burst: 1, retryAfter: '3600' });
	fixed.take('a', 0);
	expect(fixed.take('a', 0)).toEqual({ limited: true, retryAfter: '3600' });
});

test('with recording off, the counts go on', () => {
	const limit = createAccountLimit({ rate: 1, burst: 1 });
	limit.setRecording(false);
	limit.take('a', 0);
	limit.take('a', 0);
	expect(limit.records).toEqual([]);
	expect(limit.counts('a')).toEqual({ allowed: 1, limited: 1, total: 2 });
});
