/** What both nodes show the same way in the editor: the icon, the versions, the model as subtitle. */
import type { Icon } from 'n8n-workflow';

export const DATAOORTS_ICON: Icon = {
	light: 'file:dataoorts.svg',
	dark: 'file:dataoorts.dark.svg',
};

/**
 * Version 2 made the model a resource locator (From List / By ID); version 1 keeps its list.
 * Version 3 separates a reasoning model's thoughts from its answer by default (Options → Reasoning);
 * the Dataoorts node's version 3 also has Resource and Operation (Text → Message a Model, Image →
 * Generate an Image) and Concurrency's default 32. Saved workflows keep their version's defaults.
 */
export const NODE_VERSIONS = { version: [1, 2, 3], defaultVersion: 3 };

/** The model id, from version 1's plain value or version 2's resource locator. */
const MODEL_ID = '($parameter["model"].value || $parameter["model"])';

/** The Chat Model's subtitle: the model. */
export const MODEL_SUBTITLE = `={{${MODEL_ID}}}`;

/** The Dataoorts node's subtitle: the operation (version 3) and the model. */
export const OPERATION_SUBTITLE = `={{({ message: "Message a Model: ", generate: "Generate an Image: " })[$parameter["operation"]] ?? ""}}{{${MODEL_ID}}}`;
