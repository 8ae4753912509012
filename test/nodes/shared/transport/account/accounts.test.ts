/** governorFor's memory of accounts: idle governors of old keys are dropped once many gathered. */
import { governorFor } from '../../../../../nodes/shared/transport/account/accounts';
import {
	processState,
	resetProcessState,
} from '../../../../../nodes/shared/transport/process-state';

const URL_A = new URL('https://cloud.dataoorts.com/api/v1');
const FAR = Number.MAX_SAFE_INTEGER;

beforeEach(async () => await resetProcessState());
afterAll(async () => await resetProcessState());

test('a URL differing only in path is another account', () => {
	const governor = governorFor(URL_A, 'dk-one');
	expect(governorFor(new URL('https://cloud.dataoorts.com/api/v2'), 'dk-one')).not.toBe(governor);
	expect(governor.label).toBe(
		governorFor(new URL('https://cloud.dataoorts.com/api/v2'), 'dk-one').label,
	);
	expect(processState.governors.size).toBe(2);
});

test('past 1000 accounts the idle ones are dropped; a busy one is kept', () => {
	const busy = governorFor(URL_A, 'dk-busy');
	const ticket = busy.acquire(FAR);
	expect(ticket).not.toBeInstanceOf(Promise);
	const idle = governorFor(URL_A, 'dk-idle');
	for (let index = 2; index < 1000; index++) governorFor(URL_A, `dk-${index}`);
	expect(processState.governors.size).toBe(1000);

	const fresh = governorFor(URL_A, 'dk-new');
	expect(processState.governors.size).toBe(2);
	expect(governorFor(URL_A, 'dk-busy')).toBe(busy);
	expect(governorFor(URL_A, 'dk-new')).toBe(fresh);
	// The idle one was forgotten: asking again makes a new governor.
	expect(governorFor(URL_A, 'dk-idle')).not.toBe(idle);
});

test('below the cap nothing is dropped, idle or not', () => {
	const first = governorFor(URL_A, 'dk-first');
	for (let index = 0; index < 998; index++) governorFor(URL_A, `dk-${index}`);
	expect(processState.governors.size).toBe(999);
	governorFor(URL_A, 'dk-last');
	expect(processState.governors.size).toBe(1000);
	expect(governorFor(URL_A, 'dk-first')).toBe(first);
});
