/**
 * One governor per Dataoorts account in this process: base URL + a SHA-256 hash of the key (the
 * key itself is not kept), shared by every call of both nodes in every execution.
 */
import { createHash } from 'node:crypto';

import { AccountGovernor } from './governor';
import { clock, processState } from '../process-state';

/** The governor of the account behind this base URL and key. */
export function governorFor(url: URL, apiKey: string): AccountGovernor {
	const keyHash = createHash('sha256').update(apiKey).digest('hex');
	const { governors } = processState;
	const id = `${url.href} ${keyHash}`;
	let governor = governors.get(id);
	if (governor === undefined) {
		// Keys change rarely; idle governors of old keys are dropped when many have gathered.
		if (governors.size >= 1000)
			for (const [key, old] of governors) if (old.idle) governors.delete(key);
		governor = new AccountGovernor(
			`Dataoorts account ${keyHash.slice(0, 8)} at ${url.origin}`,
			clock,
		);
		governors.set(id, governor);
	}
	return governor;
}
