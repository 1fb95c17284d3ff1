# processout/errors/*.py: each class subclasses Exception directly (no common base).
# .code is the API's error_type ("" when absent), .message its message.
class AuthenticationError(Exception):  # 401
    code: str
    message: str

class GenericError(Exception):  # any other failure, including a 2xx without success: true
    code: str
    message: str

class InternalError(Exception):  # >= 500
    code: str
    message: str

class NotFoundError(Exception):  # 404
    code: str
    message: str

class ValidationError(Exception):  # 400
    code: str
    message: str
