/**
 * A request that hands on its pieces by callback, as an async iterable: each piece as it arrives,
 * then the whole answer. Pieces are queued (the transport's size cap bounds them) so none is lost
 * while the consumer is busy.
 */
export async function* piecesOf<Answer>(
	send: (onPiece: (piece: string) => void) => Promise<Answer>,
): AsyncGenerator<string | Answer> {
	const queue: string[] = [];
	let wake: (() => void) | undefined;
	let outcome: { answer: Answer } | { error: unknown } | undefined;
	const notify = () => {
		wake?.();
		wake = undefined;
	};
	send((piece) => {
		queue.push(piece);
		notify();
	}).then(
		(answer) => {
			outcome = { answer };
			notify();
		},
		(error: unknown) => {
			outcome = { error };
			notify();
		},
	);
	for (;;) {
		while (queue.length > 0) yield queue.shift()!;
		if (outcome !== undefined) break;
		await new Promise<void>((resolve) => (wake = resolve));
	}
	if ('error' in outcome) throw outcome.error;
	yield outcome.answer;
}
