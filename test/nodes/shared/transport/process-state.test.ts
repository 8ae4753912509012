/** The transport's process state: one reset forgets everything, and the clock is the one given. */
import { governorFor } from '../../../../nodes/shared/transport/account/accounts';
import { demandFor, holdDemand } from '../../../../nodes/shared/transport/connection/connect-gate';
import { dispatcherFor } from '../../../../nodes/shared/transport/connection/dispatcher';
import { checkEndpoint } from '../../../../nodes/shared/transport/request/endpoint';
import {
	processState,
	resetProcessState,
	systemClock,
} from '../../../../nodes/shared/transport/process-state';
import { sleep } from '../../../../nodes/shared/transport/request/retry';
import {
	refusesStream,
	rememberRefusal,
} from '../../../../nodes/shared/transport/attempt/stream-fallback';
import { FakeClock } from '../../../helpers/fake-clock';

const URL_A = new URL('https://cloud.dataoorts.com/api/v1');

afterEach(async () => await resetProcessState());

test('one reset forgets every account, pool, gate demand, checked URL and stream refusal', async () => {
	const governor = governorFor(URL_A, 'key');
	rememberRefusal(governor);
	holdDemand(URL_A.origin);
	checkEndpoint(URL_A.href);
	const pool = dispatcherFor(URL_A.origin);
	expect(governorFor(URL_A, 'key')).toBe(governor);
	expect(dispatcherFor(URL_A.origin)).toBe(pool);

	await resetProcessState();
	expect(governorFor(URL_A, 'key')).not.toBe(governor);
	expect(refusesStream(governor)).toBe(false);
	expect(demandFor(URL_A.origin)).toBe(0);
	expect(processState.checkedEndpoints.size).toBe(0);
	expect(dispatcherFor(URL_A.origin)).not.toBe(pool);
});

test('the transport waits on the clock it is given, and on the real one after a plain reset', async () => {
	const clock = new FakeClock();
	await resetProcessState(clock);
	expect(processState.clock).toBe(clock);
	const started = clock.now();
	let wokeAt: number | undefined;
	const waiting = sleep(1000).then(() => (wokeAt = clock.now()));
	await Promise.resolve();
	expect(wokeAt).toBeUndefined();
	expect(clock.runNext(true)).toBe(true);
	await waiting;
	expect(wokeAt! - started).toBe(1000);

	await resetProcessState();
	expect(processState.clock).toBe(systemClock);
});
