/** One direction through nodes/: no file reaches itself again through its relative imports. */
import { join } from 'path';

import { importCycles, importGraph } from './import-cycles';

const root = join(__dirname, '..', '..');

describe('imports under nodes/', () => {
	it('form no cycle (type-only imports included)', () => {
		expect(importCycles(importGraph(join(root, 'nodes')), root)).toEqual([]);
	});

	it('are seen by the walk (a cycle it would report)', () => {
		const a = join(root, 'a.ts');
		const b = join(root, 'b.ts');
		const graph = new Map([
			[a, [b]],
			[b, [a]],
		]);
		expect(importCycles(graph, root)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
		expect(
			importGraph(join(root, 'nodes')).get(join(root, 'nodes/shared/transport/index.ts')),
		).toContain(join(root, 'nodes/shared/transport/process-state.ts'));
	});
});
