'use strict';
/*
 * Table entries that run against `n8n start` instead of `n8n execute` (an entry's `server`, e.g.
 * the streaming checks): their workflows are published before n8n starts, so n8n registers their
 * production webhooks at start-up; then each runs against the started n8n.
 */
const h = require('../n8n-harness');
const { CHECKS } = require('../checks');
const { check, record } = require('./reporter');
const { appliesTo, cmpVersions } = require('./versions');

const entriesFor = (version) =>
	CHECKS.filter((entry) => entry.server && appliesTo(entry.versions, version));

const nameOf = (entry) => `${entry.id}: ${entry.title}`;

/** Publishes (2.x) or activates (1.x) each entry's workflow; returns why any could not be. */
async function publishServerEntries(ctx) {
	const problems = new Map();
	for (const entry of entriesFor(ctx.info.version)) {
		const { id } = ctx.workflows[entry.workflow];
		const args =
			cmpVersions(ctx.info.version, '2.0.0') >= 0
				? ['publish:workflow', `--id=${id}`]
				: ['update:workflow', `--id=${id}`, '--active=true'];
		const res = await h.runN8n(ctx.info, args, ctx.env);
		if (res.code !== 0)
			problems.set(
				entry,
				`${args[0]} exited ${res.code}\n${res.stdout.slice(-1000)}\n${res.stderr.slice(-1000)}`,
			);
	}
	return problems;
}

/** Runs each entry against the started n8n (`srv.url`); `failure` fails them all unrun. */
async function runServerEntries(scope, ctx, srv, problems, failure) {
	for (const entry of entriesFor(ctx.info.version)) {
		const why = failure || problems.get(entry);
		if (why) record(scope, nameOf(entry), false, why);
		else await check(scope, nameOf(entry), () => entry.server(ctx, srv));
	}
}

module.exports = { publishServerEntries, runServerEntries };
