/** What a parameter check refused: the field it named and its message (fails when nothing was refused). */
import { ParameterValidationError } from '../../nodes/shared/errors/errors';

export function refusal(run: () => unknown): { field: string; message: string } {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(ParameterValidationError);
		const { field, message } = error as ParameterValidationError;
		return { field, message };
	}
	throw new Error('expected a refusal, nothing was refused');
}
