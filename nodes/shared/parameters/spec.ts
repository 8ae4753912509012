/** The shape of a row of the parameter table (table.ts), and how its range reads. */

/** A numeric field of the node's "Options" collection: its UI and its run-time range check. */
export interface NumericOptionSpec {
	/** Name in the node's `options` collection (public contract: saved workflows use it). */
	readonly option: string;
	readonly displayName: string;
	readonly description: string;
	readonly min: number;
	/** Undefined where there is no upper bound. */
	readonly max?: number;
	/** True where a whole number is required. */
	readonly integer: boolean;
	/** Value the field shows when the user adds it. */
	readonly uiDefault: number;
	/** Decimal places the UI offers for a non-integer (2 unless set). */
	readonly decimals?: number;
}

/** A documented API hyperparameter: sent under `data.<apiName>` only when the user sets it. */
export interface HyperparameterRow extends NumericOptionSpec {
	readonly kind: 'hyperparameter';
	/** The API's documented snake_case name. */
	readonly apiName: string;
}

/**
 * How the node runs its items; not sent to the API. Defaults are what a user gets without
 * touching the option, so they are also the run-time fallbacks.
 */
export interface RunOptionRow extends NumericOptionSpec {
	readonly kind: 'run';
	/** A default that changed in a later node version (saved workflows keep `uiDefault`). */
	readonly newDefault?: { readonly fromVersion: number; readonly value: number };
}

/** The default a run option has in a node of this version. */
export function runDefault(spec: RunOptionRow, version: number): number {
	return spec.newDefault !== undefined && version >= spec.newDefault.fromVersion
		? spec.newDefault.value
		: spec.uiDefault;
}

/** A price for the output's `cost`, overriding the catalog's (USD per million tokens). */
export interface PriceRow extends NumericOptionSpec {
	readonly kind: 'price';
}

/** Human-readable allowed range, used by both field descriptions and error messages. */
export function describeRange(spec: Pick<NumericOptionSpec, 'min' | 'max' | 'integer'>): string {
	const kind = spec.integer ? 'a whole number' : 'a number';
	return spec.max === undefined
		? `${kind} of at least ${spec.min}`
		: `${kind} from ${spec.min} to ${spec.max}`;
}
