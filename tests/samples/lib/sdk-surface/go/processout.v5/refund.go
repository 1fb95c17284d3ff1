package processout

// Refund, from the SDK's refund.go (github.com/processout/processout-go; not in surface.md): the
// stored copy read on 2026-12-02 (commit 9b2b02a, the generated file with CreateForInvoice). The
// calls return what that file's functions return: Create and CreateForInvoice only an error (the
// answer's refund is not decoded), FetchTransactionRefunds an *Iterator of *Refund. The
// *Parameters structs carry Metadata themselves: Create sends opt.Metadata, not Refund.Metadata.
import "time"

type Refund struct { // refund.go:17
	ID               *string            `json:"id,omitempty"`
	Transaction      *Transaction       `json:"transaction,omitempty"`
	TransactionID    *string            `json:"transaction_id,omitempty"`
	Amount           *string            `json:"amount,omitempty"`
	Reason           *string            `json:"reason,omitempty"`
	Information      *string            `json:"information,omitempty"`
	HasFailed        *bool              `json:"has_failed,omitempty"`
	Metadata         *map[string]string `json:"metadata,omitempty"`
	Sandbox          *bool              `json:"sandbox,omitempty"`
	CreatedAt        *time.Time         `json:"created_at,omitempty"`
	InvoiceDetailIds *[]string          `json:"invoice_detail_ids,omitempty"`

	client *ProcessOut
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *Refund) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}

type RefundCreateParameters struct {
	*Options
	*Refund
	Metadata interface{} `json:"metadata"`
}

// Create POSTs /transactions/{TransactionID}/refunds.
func (s Refund) Create(options ...RefundCreateParameters) error { return nil }

type RefundCreateForInvoiceParameters struct {
	*Options
	*Refund
	Metadata interface{} `json:"metadata"`
}

// CreateForInvoice POSTs /invoices/{invoiceID}/refunds.
func (s Refund) CreateForInvoice(invoiceID string, options ...RefundCreateForInvoiceParameters) error {
	return nil
}

type RefundFetchTransactionRefundsParameters struct {
	*Options
	*Refund
}

// FetchTransactionRefunds GETs /transactions/{transactionID}/refunds; Get() gives *Refund.
func (s Refund) FetchTransactionRefunds(transactionID string, options ...RefundFetchTransactionRefundsParameters) (*Iterator, error) {
	return &Iterator{}, nil
}

type RefundFindParameters struct {
	*Options
	*Refund
}

func (s Refund) Find(transactionID, refundID string, options ...RefundFindParameters) (*Refund, error) {
	return &Refund{}, nil
}
