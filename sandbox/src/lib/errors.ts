/** A field-level validation problem, as ProcessOut reports it in `invalid_fields`. */
export interface InvalidField {
  name: string;
  message: string;
}

/** The error envelope every SDK reads: `{success:false, error_type, message}` (+ `invalid_fields`). */
export interface ErrorBody {
  success: false;
  error_type: string;
  message: string;
  invalid_fields?: InvalidField[];
}

/** An error that becomes a ProcessOut-style JSON error response. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    readonly invalidFields?: InvalidField[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { success: false, error_type: this.errorType, message: this.message };
    if (this.invalidFields?.length) body.invalid_fields = this.invalidFields;
    return body;
  }
}

export function notFound(resource: string, id: string): ApiError {
  return new ApiError(404, `resource.${resource}.not-found`, `The ${resource.replace(/-/g, ' ')} ${id} could not be found.`);
}

export function validationError(errorType: string, field: string, message: string): ApiError {
  return new ApiError(400, errorType, message, [{ name: field, message }]);
}
