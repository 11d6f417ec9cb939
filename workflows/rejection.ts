import { ApplicationFailure } from '@temporalio/workflow';
import { InvalidInputError } from '../domain/validation.ts';

/**
 * Runs a check inside an update validator: an InvalidInputError becomes the update's rejection, with the
 * field-named message for the caller and the issues as details. Final, since the same input fails the
 * same way; nothing reaches history.
 */
export function rejectInvalid<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw ApplicationFailure.create({
        type: 'InvalidInput',
        nonRetryable: true,
        message: error.message,
        details: [error.issues],
      });
    }
    throw error;
  }
}
