// The loopback server's clock: real by default; tests that run the transport on a fake clock
// give the server the same one (test/helpers/fake-clock.ts), so its latency, its slow answers and
// the account limit's token bucket go by the time the transport sees. `parked` counts requests
// waiting on it: while every live request of the client is parked, the fake time may move.
'use strict';

const realClock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (timer) => clearTimeout(timer),
};

const serverClock = {
	current: realClock,
	parked: 0,
	/** Counts the clocks used, so that a park of an earlier test does not count on this one's. */
	epoch: 0,
	now() {
		return serverClock.current.now();
	},
	/** Runs on `clock` from now on (the real one when none is given). */
	use(clock) {
		serverClock.current = clock ?? realClock;
		serverClock.parked = 0;
		serverClock.epoch += 1;
	},
	/**
	 * Parks a request until `ms` have passed on the clock or `res` closes; `ms` Infinity: until
	 * `res` closes. Resolves true when the time passed, false when `res` closed first.
	 */
	park(ms, res) {
		return new Promise((resolve) => {
			const { current, epoch } = serverClock;
			serverClock.parked += 1;
			const done = (passed) => {
				current.clearTimeout(timer);
				res.off('close', onClose);
				if (serverClock.epoch === epoch) serverClock.parked -= 1;
				resolve(passed);
			};
			const onClose = () => done(false);
			const timer = Number.isFinite(ms) ? current.setTimeout(() => done(true), ms) : undefined;
			res.on('close', onClose);
		});
	},
};

module.exports = { serverClock };
