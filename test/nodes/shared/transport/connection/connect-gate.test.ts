import {
	NoDemandError,
	demandFor,
	gatedConnector,
	holdDemand,
} from '../../../../../nodes/shared/transport/connection/connect-gate';

const ORIGIN = 'https://gate.example';

test('leases count live requests per origin; releasing twice counts once', () => {
	const first = holdDemand(ORIGIN);
	const second = holdDemand(ORIGIN);
	expect(demandFor(ORIGIN)).toBe(2);
	expect(demandFor('https://other.example')).toBe(0);
	first.release();
	first.release();
	expect(demandFor(ORIGIN)).toBe(1);
	second.release();
	expect(demandFor(ORIGIN)).toBe(0);
});

test('the connector connects while there is demand and refuses, asynchronously, when there is none', async () => {
	const connect = jest.fn((_options: unknown, callback: (error: null, socket: unknown) => void) =>
		callback(null, 'socket'),
	);
	const gated = gatedConnector(ORIGIN, connect as never);
	const options = { hostname: 'gate.example', host: 'gate.example', protocol: 'https:', port: '' };

	const lease = holdDemand(ORIGIN);
	const connected = await new Promise((resolve) =>
		gated(options as never, (error, socket) => resolve({ error, socket })),
	);
	expect(connected).toEqual({ error: null, socket: 'socket' });
	lease.release();

	let sync = true;
	const refused = new Promise<{ error: Error | null; socket: unknown; sync: boolean }>((resolve) =>
		gated(options as never, (error, socket) => resolve({ error, socket, sync })),
	);
	sync = false;
	const result = await refused;
	expect(result.error).toBeInstanceOf(NoDemandError);
	expect(result.socket).toBeNull();
	expect(result.sync).toBe(false);
	expect(connect).toHaveBeenCalledTimes(1);
});
