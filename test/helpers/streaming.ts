/** Runs of the Dataoorts node in an execution that streams, with the chunks n8n's sendChunk got. */
import type { IDataObject, StructuredChunk } from 'n8n-workflow';

import { runWorkflow, type DataoortsNodeSettings, type RunResult } from './engine';
import { drive, type FakeClock } from './fake-clock';

export interface ChunkSeen extends StructuredChunk {
	/** When the chunk reached the streaming callback (performance.now()). */
	seenAt: number;
}

export interface StreamedRun extends RunResult {
	chunks: ChunkSeen[];
	/** The text of the `item` chunks of one item, in order. */
	textOf(itemIndex?: number): string;
}

/** A run in a streaming execution (or, with `streaming: false`, in one that does not stream). */
export async function runStreaming(
	server: { current: { apiKey: string; baseUrl: string } },
	node: DataoortsNodeSettings,
	items: IDataObject[] = [{}],
	hooks: {
		streaming?: boolean;
		onChunk?: (chunk: ChunkSeen, cancel: () => void) => void;
		/** Fake time to drive the run on (test/helpers/fake-clock.ts). */
		clock?: FakeClock;
	} = {},
): Promise<StreamedRun> {
	const chunks: ChunkSeen[] = [];
	let cancel = () => {};
	const run = runWorkflow({
		items,
		node,
		credential: { apiKey: server.current.apiKey, baseUrl: server.current.baseUrl },
		onStarted: (execution) => (cancel = execution.cancel),
		onChunk:
			hooks.streaming === false
				? undefined
				: (chunk) => {
						const seen = { ...chunk, seenAt: performance.now() };
						chunks.push(seen);
						hooks.onChunk?.(seen, cancel);
					},
	});
	const result = hooks.clock === undefined ? await run : await drive(hooks.clock, run);
	const textOf = (itemIndex = 0) =>
		chunks
			.filter((chunk) => chunk.type === 'item' && chunk.metadata.itemIndex === itemIndex)
			.map((chunk) => chunk.content)
			.join('');
	return { ...result, chunks, textOf };
}

/** The chunk types one item got, in order. */
export function typesOf(run: StreamedRun, itemIndex = 0): string[] {
	return run.chunks
		.filter(
			(chunk) => chunk.metadata.itemIndex === itemIndex && chunk.metadata.nodeName === 'Dataoorts',
		)
		.map((chunk) => chunk.type);
}
