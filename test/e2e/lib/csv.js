'use strict';

/** Reads a CSV written by n8n's Convert to File (RFC 4180 quoting). */
function parseCsv(text) {
	text = text.replace(/^\uFEFF/, ''); // Convert to File writes a BOM
	const rows = [];
	let row = [];
	let field = '';
	let q = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (q) {
			if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
			else if (c === '"') q = false;
			else field += c;
		} else if (c === '"') q = true;
		else if (c === ',') (row.push(field), (field = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			(row.push(field), rows.push(row), (row = []), (field = ''));
		} else field += c;
	}
	if (field !== '' || row.length) (row.push(field), rows.push(row));
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

module.exports = { parseCsv };
