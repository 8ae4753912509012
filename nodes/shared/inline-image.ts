/**
 * An image as the API takes it, a data URI, kept as its bytes until the request body is built
 * (transport/payload.ts writes its base64 straight into the body, then lets go of the bytes): a
 * 4 MiB photo in flight then costs the body, not also its bytes, a base64 string, a data-URI
 * string and a JSON string of it.
 */
export class InlineImage {
	#bytes: Buffer | undefined;

	/** Its size before base64. */
	readonly byteLength: number;

	constructor(
		readonly mimeType: string,
		bytes: Buffer,
	) {
		this.#bytes = bytes;
		this.byteLength = bytes.length;
	}

	get bytes(): Buffer {
		if (this.#bytes === undefined) throw new Error('This image was released once it was sent');
		return this.#bytes;
	}

	/** `data:<type>;base64,`: a checked image type, so nothing in it needs escaping in JSON. */
	get prefix(): string {
		return `data:${this.mimeType};base64,`;
	}

	/** Its data URI's length in bytes. */
	get length(): number {
		return this.prefix.length + 4 * Math.ceil(this.byteLength / 3);
	}

	/** Lets go of the bytes once they are in a request body (a body is built once, then sent). */
	release(): void {
		this.#bytes = undefined;
	}

	/** The data URI itself, for anything else that serialises the body (the payload does not). */
	toJSON(): string {
		return `${this.prefix}${this.bytes.toString('base64')}`;
	}
}
