/** checkEndpoint: which base URLs may carry the key, and what a refused one is told. */
import { checkEndpoint } from '../../../../../nodes/shared/transport/request/endpoint';
import { DataoortsConfigError } from '../../../../../nodes/shared/errors/errors';
import {
	processState,
	resetProcessState,
} from '../../../../../nodes/shared/transport/process-state';

beforeEach(async () => await resetProcessState());

function refusal(baseUrl: unknown, allowInsecureHttp = false): DataoortsConfigError {
	try {
		checkEndpoint(baseUrl as string, allowInsecureHttp);
	} catch (error) {
		expect(error).toBeInstanceOf(DataoortsConfigError);
		return error as DataoortsConfigError;
	}
	throw new Error(`expected ${String(baseUrl)} to be refused`);
}

test('an https URL is accepted as parsed, surrounding whitespace trimmed', () => {
	const url = checkEndpoint('  https://cloud.dataoorts.com/api/v1 \n');
	expect(url.href).toBe('https://cloud.dataoorts.com/api/v1');
	expect(url.origin).toBe('https://cloud.dataoorts.com');
});

test.each([
	'http://127.0.0.1:8080/v1',
	'http://127.255.0.9/v1',
	'http://localhost:3000/v1',
	'http://[::1]:9/v1',
])('plain http to this machine (%s) is accepted', (baseUrl) => {
	expect(checkEndpoint(baseUrl).protocol).toBe('http:');
});

test.each(['http://128.0.0.1/v1', 'http://127.0.0.1.example.com/v1', 'http://10.0.0.5/v1'])(
	'plain http elsewhere (%s) is refused as insecure, naming the host',
	(baseUrl) => {
		const error = refusal(baseUrl);
		expect(error.code).toBe('DATAOORTS_INSECURE_URL');
		expect(error.message).toContain(`to ${new URL(baseUrl).host};`);
		expect(error.message).toContain('Allow Plain HTTP');
	},
);

test('"Allow Plain HTTP" lets plain http reach another host', () => {
	expect(checkEndpoint('http://10.0.0.5:8000/v1', true).host).toBe('10.0.0.5:8000');
});

test.each([
	['not a url', /not a valid URL: "not a url"/],
	['', /not a valid URL: ""/],
	[undefined, /not a valid URL: ""/],
	['ftp://cloud.dataoorts.com', /must start with https:\/\/ \(got ftp:\/\/\)/],
	['file:///etc/passwd', /got file:\/\//],
])('%j is refused as an invalid URL', (baseUrl, message) => {
	const error = refusal(baseUrl);
	expect(error.code).toBe('DATAOORTS_INVALID_URL');
	expect(error.message).toMatch(message);
});

test('a user name or password is refused and never quoted back', () => {
	const error = refusal('https://me:s3cret-pass@cloud.dataoorts.com/v1');
	expect(error.code).toBe('DATAOORTS_INVALID_URL');
	expect(error.message).toContain('must not contain a user name or password');
	expect(error.message).not.toContain('s3cret-pass');
	expect(refusal('https://onlyuser@cloud.dataoorts.com/v1').code).toBe('DATAOORTS_INVALID_URL');
});

test('a checked URL is remembered per URL and per "Allow Plain HTTP"', () => {
	const first = checkEndpoint('https://a.example.com/v1');
	expect(checkEndpoint('https://a.example.com/v1')).toBe(first);
	expect(processState.checkedEndpoints.size).toBe(1);
	checkEndpoint('https://a.example.com/v1', true);
	expect(processState.checkedEndpoints.size).toBe(2);
});

test('a refused URL is not remembered: it is refused again', () => {
	refusal('http://api.example.com/v1');
	expect(processState.checkedEndpoints.size).toBe(0);
	expect(refusal('http://api.example.com/v1').code).toBe('DATAOORTS_INSECURE_URL');
});

test('the memory is capped: past 100 URLs it starts again', () => {
	for (let i = 0; i < 100; i++) checkEndpoint(`https://h${i}.example.com/v1`);
	expect(processState.checkedEndpoints.size).toBe(100);
	checkEndpoint('https://one-more.example.com/v1');
	expect(processState.checkedEndpoints.size).toBe(1);
});
