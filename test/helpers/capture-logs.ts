/**
 * Everything logged while `work` runs: n8n's error reporter (which logs every node error),
 * the engine's LoggerProxy, the console, stdout and stderr. For leak scans.
 */
import { Container } from '@n8n/di';
import { ErrorReporter } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

export async function captureLogs<T>(work: () => Promise<T>): Promise<{ value: T; logs: string }> {
	const chunks: string[] = [];
	const record = (...parts: unknown[]) => {
		chunks.push(
			parts
				.map((part) => (typeof part === 'string' ? part : (JSON.stringify(part) ?? String(part))))
				.join(' '),
		);
	};
	const capturingLogger = {
		error: record,
		warn: record,
		info: record,
		debug: record,
		verbose: record,
	};
	const reporter = Container.get(ErrorReporter) as unknown as { logger: unknown };
	const reporterLogger = reporter.logger;
	reporter.logger = capturingLogger;
	LoggerProxy.init(capturingLogger as unknown as Parameters<typeof LoggerProxy.init>[0]);
	const spies = [
		jest
			.spyOn(process.stdout, 'write')
			.mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
		jest
			.spyOn(process.stderr, 'write')
			.mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
		...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
			jest.spyOn(console, method).mockImplementation(record),
		),
	];
	try {
		return { value: await work(), logs: chunks.join('\n') };
	} finally {
		spies.forEach((spy) => spy.mockRestore());
		reporter.logger = reporterLogger;
	}
}
