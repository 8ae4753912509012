import {
	REDACTED,
	createRedactor,
	scrubUrl,
	scrubUserinfo,
} from '../../../../../nodes/shared/transport/answer/redact';

const KEY = 'dk-live-"odd"/key\\x';
const redactor = createRedactor(KEY);

describe('text', () => {
	test('the key, Bearer <key> and its JSON-escaped and URL-encoded forms are replaced', () => {
		expect(redactor.text(`bad key ${KEY}`)).toBe(`bad key ${REDACTED}`);
		expect(redactor.text(`Authorization: Bearer ${KEY}.`)).toBe(
			`Authorization: Bearer ${REDACTED}.`,
		);
		expect(redactor.text(JSON.stringify({ echo: KEY }))).toBe(`{"echo":"${REDACTED}"}`);
		expect(redactor.text(`?k=${encodeURIComponent(KEY)}`)).toBe(`?k=${REDACTED}`);
		expect(redactor.text(`twice ${KEY}${KEY}`)).toBe(`twice ${REDACTED}${REDACTED}`);
	});

	test('text without the key comes back unchanged', () => {
		expect(redactor.text('Authentication error')).toBe('Authentication error');
		expect(createRedactor('').text('anything')).toBe('anything');
	});
});

describe('diagnostic', () => {
	test('also drops URL userinfo', () => {
		expect(redactor.diagnostic(`see https://bob:hunter2@host/x and ${KEY}`)).toBe(
			`see https://***@host/x and ${REDACTED}`,
		);
	});
});

test('value: strings and property names, in place, at every level', () => {
	const parsed = JSON.parse(
		JSON.stringify({
			[KEY]: 1,
			list: [KEY, { deep: `Bearer ${KEY}` }, 3, null, true],
			keep: 'plain',
		}),
	);
	const out = redactor.value(parsed);
	expect(out).toBe(parsed);
	expect(out).toEqual({
		[REDACTED]: 1,
		list: [REDACTED, { deep: `Bearer ${REDACTED}` }, 3, null, true],
		keep: 'plain',
	});
	expect(JSON.stringify(out)).not.toContain('odd');
});

describe('URL userinfo', () => {
	test.each([
		['https://user:pass@example.com/v1', 'https://***@example.com/v1'],
		['postgres://a@b', 'postgres://***@b'],
		['no url here', 'no url here'],
	])('scrubUserinfo(%j) = %j', (text, scrubbed) => {
		expect(scrubUserinfo(text)).toBe(scrubbed);
	});

	test('several URLs, and "://" without userinfo', () => {
		expect(scrubUserinfo('a https://u:p@h/x b ftp://h c s3://k@b d ://@e')).toBe(
			'a https://***@h/x b ftp://h c s3://***@b d ://@e',
		);
	});

	test.each([
		['ht tps://user:pa ss@host/api', 'ht tps://***@host/api'],
		['user:secret@host', '***@host'],
		['https://host/api', 'https://host/api'],
	])('scrubUrl(%j) = %j, even when the URL does not parse', (url, scrubbed) => {
		expect(scrubUrl(url)).toBe(scrubbed);
	});
});
