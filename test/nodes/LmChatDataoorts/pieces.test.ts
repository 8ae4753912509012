/** A callback-fed request as an async iterable: every piece in order, then the answer. */
import { piecesOf } from '../../../nodes/LmChatDataoorts/pieces';

async function collect<Answer>(
	iterable: AsyncIterable<string | Answer>,
): Promise<Array<string | Answer>> {
	const seen: Array<string | Answer> = [];
	for await (const value of iterable) seen.push(value);
	return seen;
}

describe('piecesOf', () => {
	test('pieces handed on synchronously, before the answer: all of them, then the answer', async () => {
		const seen = await collect(
			piecesOf(async (onPiece) => {
				onPiece('a');
				onPiece('b');
				onPiece('c');
				return { text: 'abc' };
			}),
		);
		expect(seen).toEqual(['a', 'b', 'c', { text: 'abc' }]);
	});

	test('pieces arriving over time, while the consumer waits: none lost, order kept', async () => {
		const seen = await collect(
			piecesOf(async (onPiece) => {
				for (const piece of ['one', 'two', 'three']) {
					await new Promise<void>((resolve) => setImmediate(resolve));
					onPiece(piece);
				}
				return 42;
			}),
		);
		expect(seen).toEqual(['one', 'two', 'three', 42]);
	});

	test('pieces arriving while the consumer is busy are queued, not dropped', async () => {
		const seen: Array<string | number> = [];
		for await (const value of piecesOf<number>(async (onPiece) => {
			onPiece('x');
			await new Promise<void>((resolve) => setImmediate(resolve));
			onPiece('y');
			onPiece('z');
			return 7;
		})) {
			seen.push(value);
			// A slow consumer: several turns of the event loop per piece.
			for (let turn = 0; turn < 3; turn++) await new Promise<void>((r) => setImmediate(r));
		}
		expect(seen).toEqual(['x', 'y', 'z', 7]);
	});

	test('no pieces: only the answer', async () => {
		expect(await collect(piecesOf(async () => 'whole'))).toEqual(['whole']);
	});

	test('a failed request: the pieces before it, then its error', async () => {
		const failure = new Error('connection reset');
		const seen: string[] = [];
		const run = async () => {
			for await (const value of piecesOf<string>(async (onPiece) => {
				onPiece('partial');
				await new Promise<void>((resolve) => setImmediate(resolve));
				throw failure;
			})) {
				seen.push(value);
			}
		};
		await expect(run()).rejects.toBe(failure);
		expect(seen).toEqual(['partial']);
	});
});
