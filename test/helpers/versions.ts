/** Whether a `@version` condition (a list of versions or `_cnd` bounds) holds for `version`. */
export const versionShown = (conditions: unknown[], version: number) =>
	conditions.some((condition) => {
		if (typeof condition === 'number') return condition === version;
		const { gte = -Infinity, lt = Infinity } = (
			condition as { _cnd: { gte?: number; lt?: number } }
		)._cnd;
		return version >= gte && version < lt;
	});
