import { mapInOrder } from '../../../nodes/Dataoorts/concurrency';

/** A worker whose calls finish when the test says, recording how many ran at once. */
function controlledWorker() {
	const pending = new Map<number, { resolve(v: string): void; reject(e: unknown): void }>();
	let running = 0;
	const state = { maxRunning: 0, started: [] as number[] };
	const worker = (index: number) =>
		new Promise<string>((resolve, reject) => {
			running += 1;
			state.maxRunning = Math.max(state.maxRunning, running);
			state.started.push(index);
			const done = () => (running -= 1);
			pending.set(index, {
				resolve: (v) => (done(), resolve(v)),
				reject: (e) => (done(), reject(e)),
			});
		});
	return { worker, pending, state };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('mapInOrder', () => {
	test('results in index order whatever order the workers finish in', async () => {
		const { worker, pending } = controlledWorker();
		const run = mapInOrder(4, 4, worker);
		await flush();
		for (const index of [3, 1, 0, 2]) pending.get(index)!.resolve(`r${index}`);
		await expect(run).resolves.toEqual(['r0', 'r1', 'r2', 'r3']);
	});

	test('never more than `limit` in flight; the next starts when one finishes', async () => {
		const { worker, pending, state } = controlledWorker();
		const run = mapInOrder(5, 2, worker);
		await flush();
		expect(state.started).toEqual([0, 1]);
		pending.get(1)!.resolve('b');
		await flush();
		expect(state.started).toEqual([0, 1, 2]);
		for (const index of [0, 2]) pending.get(index)!.resolve('x');
		await flush();
		for (const index of [3, 4]) pending.get(index)!.resolve('y');
		await expect(run).resolves.toEqual(['x', 'b', 'x', 'y', 'y']);
		expect(state.maxRunning).toBe(2);
	});

	test('a limit below 1 still runs one at a time; no work for zero items', async () => {
		await expect(mapInOrder(3, 0, async (i) => i * 2)).resolves.toEqual([0, 2, 4]);
		await expect(mapInOrder(0, 5, async () => 1)).resolves.toEqual([]);
	});

	test('the first failure stops new work, calls onFirstFailure once, and is rethrown after in-flight work settles', async () => {
		const { worker, pending, state } = controlledWorker();
		const onFirstFailure = jest.fn();
		const run = mapInOrder(6, 2, worker, undefined, onFirstFailure);
		await flush();
		const first = new Error('first');
		pending.get(0)!.reject(first);
		pending.get(1)!.reject(new Error('second'));
		await expect(run).rejects.toBe(first);
		expect(onFirstFailure).toHaveBeenCalledTimes(1);
		expect(state.started).toEqual([0, 1]);
	});

	test('an abort stops new work and rejects with the signal reason, never a list with holes', async () => {
		const { worker, pending, state } = controlledWorker();
		const stop = new AbortController();
		const run = mapInOrder(4, 1, worker, stop.signal);
		await flush();
		stop.abort(new Error('stopped'));
		pending.get(0)!.resolve('done');
		await expect(run).rejects.toThrow('stopped');
		expect(state.started).toEqual([0]);
	});
});
