/** The relative imports between nodes/ files, and the cycles among them (type-only imports count). */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

const IMPORT =
	/(?:^|\s)(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g;

function sourcesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourcesUnder(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

function resolveImport(from: string, specifier: string): string | undefined {
	const base = resolve(dirname(from), specifier);
	const candidates = [`${base}.ts`, join(base, 'index.ts')];
	return candidates.find((candidate) => {
		try {
			return statSync(candidate).isFile();
		} catch {
			return false;
		}
	});
}

/** Each file's relative imports, resolved to files. */
export function importGraph(root: string): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	for (const file of sourcesUnder(root)) {
		const text = readFileSync(file, 'utf8');
		const targets = [...text.matchAll(IMPORT)]
			.map((match) => resolveImport(file, match[1] ?? match[2]))
			.filter((target): target is string => target !== undefined);
		graph.set(file, targets);
	}
	return graph;
}

/** Every cycle found by a depth-first walk, each as its files relative to `base`. */
export function importCycles(graph: Map<string, string[]>, base: string): string[][] {
	const cycles: string[][] = [];
	const done = new Set<string>();
	const path: string[] = [];
	const visit = (file: string) => {
		const at = path.indexOf(file);
		if (at >= 0) {
			cycles.push([...path.slice(at), file].map((step) => relative(base, step)));
			return;
		}
		if (done.has(file)) return;
		path.push(file);
		for (const target of graph.get(file) ?? []) visit(target);
		path.pop();
		done.add(file);
	};
	for (const file of graph.keys()) visit(file);
	return cycles;
}
