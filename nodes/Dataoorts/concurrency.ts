/**
 * Runs `worker(0..count-1)` with at most `limit` in flight and returns the results in index
 * order, whatever order they finish in. The first rejection stops new work from starting and
 * is rethrown once the in-flight workers have settled; so does an abort of `signal`.
 */
export async function mapInOrder<T>(
	count: number,
	limit: number,
	worker: (index: number) => Promise<T>,
	signal?: AbortSignal,
	onFirstFailure?: () => void,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failure: { error: unknown } | undefined;

	const lane = async () => {
		while (failure === undefined && !signal?.aborted && next < count) {
			const index = next++;
			try {
				results[index] = await worker(index);
			} catch (error) {
				if (failure === undefined) {
					failure = { error };
					onFirstFailure?.();
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), count) }, lane));

	if (failure !== undefined) throw failure.error;
	// Never hand back a result list with holes: a stop before the end is a failure.
	if (next < count || signal?.aborted)
		throw signal?.reason ?? new Error('Stopped before all items ran');
	return results;
}
