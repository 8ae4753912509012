/** What both nodes show the same way in the editor: the icon and the model as subtitle. */
import type { Icon } from 'n8n-workflow';

export const DATAOORTS_ICON: Icon = {
	light: 'file:dataoorts.svg',
	dark: 'file:dataoorts.dark.svg',
};

/** The model id, from version 1's plain value or version 2's resource locator. */
export const MODEL_SUBTITLE = '={{$parameter["model"].value || $parameter["model"]}}';
