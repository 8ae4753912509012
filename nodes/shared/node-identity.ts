/** What both nodes show the same way in the editor: the icon, the versions, the model as subtitle. */
import type { Icon } from 'n8n-workflow';

export const DATAOORTS_ICON: Icon = {
	light: 'file:dataoorts.svg',
	dark: 'file:dataoorts.dark.svg',
};

/**
 * Version 2 made the model a resource locator (From List / By ID); version 1 keeps its list.
 * Version 3 separates a reasoning model's thoughts from its answer by default (Options → Reasoning).
 */
export const NODE_VERSIONS = { version: [1, 2, 3], defaultVersion: 3 };

/** The model id, from version 1's plain value or version 2's resource locator. */
export const MODEL_SUBTITLE = '={{$parameter["model"].value || $parameter["model"]}}';
