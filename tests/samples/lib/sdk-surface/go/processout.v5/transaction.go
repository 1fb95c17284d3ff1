package processout

import "context"

// Transaction (transaction.go:19): the fields the facts name (decoding.md §3).
type Transaction struct {
	ID             *string            `json:"id,omitempty"`
	InvoiceID      *string            `json:"invoice_id,omitempty"`
	Amount         *string            `json:"amount,omitempty"`
	CapturedAmount *string            `json:"captured_amount,omitempty"`
	Currency       *string            `json:"currency,omitempty"`
	ErrorCode      *string            `json:"error_code,omitempty"`
	ErrorMessage   *string            `json:"error_message,omitempty"`
	Status         *string            `json:"status,omitempty"`
	// decoding.md §3 Transaction: the fields a refund changes.
	RefundedAmount  *string `json:"refunded_amount,omitempty"`
	AvailableAmount *string `json:"available_amount,omitempty"`
	Refunded        *bool   `json:"refunded,omitempty"`
	Metadata       *map[string]string `json:"metadata,omitempty"`

	client *ProcessOut
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *Transaction) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}

type TransactionFindParameters struct { // transaction.go:711
	*Options
	*Transaction
}

func (s Transaction) Find(transactionID string, options ...TransactionFindParameters) (*Transaction, error) { // :717
	return s.FindWithContext(context.Background(), transactionID, options...)
}
func (s Transaction) FindWithContext(ctx context.Context, transactionID string, options ...TransactionFindParameters) (*Transaction, error) {
	return &Transaction{}, nil
}
