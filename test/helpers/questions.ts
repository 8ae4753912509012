/** Items q0, q1, … for the node, each asking its own question, and the check that they came back. */
import type { IDataObject } from 'n8n-workflow';

export const questions = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ question: `q${index}` }));

/** One user message per item: the item's question. */
export const perItem = { values: [{ role: 'user', content: '={{ $json.question }}' }] };

/** Every question answered (the loopback server echoes), in input order, paired to its item. */
export function expectInOrder(
	output: Array<{ json: IDataObject; pairedItem?: unknown }>,
	count: number,
) {
	expect(output).toHaveLength(count);
	output.forEach((item, index) => {
		expect(item.json.response).toBe(`Echo: q${index}`);
		expect(item.pairedItem).toEqual({ item: index });
	});
}
