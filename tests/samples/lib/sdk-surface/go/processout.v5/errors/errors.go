// Package errors is a stub of gopkg.in/processout.v5/errors (v5.6.1; that path since v5.3.0).
package errors

// CodedError is what every SDK error implements (errors/errors.go:4): Code() is the API's
// error_type, Error() the message alone.
type CodedError interface {
	Error() string
	Code() string
}

// NotFoundError is returned for a 404.
type NotFoundError struct{ code, message string }

func (e *NotFoundError) Error() string { return e.message }
func (e *NotFoundError) Code() string  { return e.code }

// AuthenticationError is returned for a 401.
type AuthenticationError struct{ code, message string }

func (e *AuthenticationError) Error() string { return e.message }
func (e *AuthenticationError) Code() string  { return e.code }

// ValidationError is returned for any other 4xx.
type ValidationError struct{ code, message string }

func (e *ValidationError) Error() string { return e.message }
func (e *ValidationError) Code() string  { return e.code }

// InternalError exists, but the calls the samples make never return it (a status >= 500 gives *Error).
type InternalError struct{ code, message string }

func (e *InternalError) Error() string { return e.message }
func (e *InternalError) Code() string  { return e.code }

// Error is a decoding failure, a status >= 500, or a 2xx without success: true; Root is the cause.
type Error struct {
	code, message string
	root          error
}

func (e *Error) Error() string { return e.message }
func (e *Error) Code() string  { return e.code }
func (e *Error) Root() error   { return e.root }

// NetworkError is a transport failure, with Code "processout.network-error".
type NetworkError struct{ message string }

func (e *NetworkError) Error() string { return e.message }
func (e *NetworkError) Code() string  { return "processout.network-error" }
