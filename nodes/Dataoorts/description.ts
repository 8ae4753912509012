/**
 * The Dataoorts node's description and its fields in one import. The description itself is written
 * in the node class (Dataoorts.node.ts), where n8n's lint reads it; the fields are in properties.ts.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { Dataoorts } from './Dataoorts.node';

export { modelProperty, nodeProperties, numericOptionField } from './properties';

export const nodeDescription: INodeTypeDescription = new Dataoorts().description;
