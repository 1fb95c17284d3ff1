package processout

import "context"

// Invoice (invoice.go:19): the fields the facts name, with their Go types (decoding.md §3).
type Invoice struct {
	ID            *string            `json:"id,omitempty"`
	URL           *string            `json:"url,omitempty"`
	Name          *string            `json:"name,omitempty"`
	Amount        *string            `json:"amount,omitempty"`
	Currency      *string            `json:"currency,omitempty"`
	Metadata      *map[string]string `json:"metadata,omitempty"`
	ReturnURL     *string            `json:"return_url,omitempty"`
	CancelURL     *string            `json:"cancel_url,omitempty"`
	WebhookURL    *string            `json:"webhook_url,omitempty"`
	TransactionID *string            `json:"transaction_id,omitempty"`

	client *ProcessOut
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *Invoice) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}

type InvoiceCreateParameters struct { // :1434
	*Options
	*Invoice
}
type InvoiceFindParameters struct { // :1593
	*Options
	*Invoice
}
type InvoiceCaptureParameters struct { // :469
	*Options
	*Invoice
	AuthorizeOnly              interface{} `json:"authorize_only"`
	Synchronous                interface{} `json:"synchronous"`
	RetryDropLiabilityShift    interface{} `json:"retry_drop_liability_shift"`
	CaptureAmount              interface{} `json:"capture_amount"`
	AutoCaptureAt              interface{} `json:"auto_capture_at"`
	EnableThreeDS2             interface{} `json:"enable_three_d_s_2"`
	Metadata                   interface{} `json:"metadata"`
	CaptureStatementDescriptor interface{} `json:"capture_statement_descriptor"`
	OverrideMacBlocking        interface{} `json:"override_mac_blocking"`
	ExternalThreeDS            interface{} `json:"external_three_d_s"`
	SaveSource                 interface{} `json:"save_source"`
}
type InvoiceAuthorizeParameters struct { // :344
	*Options
	*Invoice
	Synchronous             interface{} `json:"synchronous"`
	RetryDropLiabilityShift interface{} `json:"retry_drop_liability_shift"`
	CaptureAmount           interface{} `json:"capture_amount"`
	EnableThreeDS2          interface{} `json:"enable_three_d_s_2"`
	AllowFallbackToSale     interface{} `json:"allow_fallback_to_sale"`
	AutoCaptureAt           interface{} `json:"auto_capture_at"`
	Metadata                interface{} `json:"metadata"`
	OverrideMacBlocking     interface{} `json:"override_mac_blocking"`
	ExternalThreeDS         interface{} `json:"external_three_d_s"`
	SaveSource              interface{} `json:"save_source"`
}
type InvoiceVoidParameters struct { // :1228
	*Options
	*Invoice
	Metadata interface{} `json:"metadata"`
	Amount   interface{} `json:"amount"`
}
type InvoiceFetchTransactionParameters struct { // :1141
	*Options
	*Invoice
}

func (s Invoice) Create(options ...InvoiceCreateParameters) (*Invoice, error) { // :1440
	return s.CreateWithContext(context.Background(), options...)
}
func (s Invoice) CreateWithContext(ctx context.Context, options ...InvoiceCreateParameters) (*Invoice, error) {
	return &Invoice{}, nil
}
func (s Invoice) Find(invoiceID string, options ...InvoiceFindParameters) (*Invoice, error) { // :1599
	return s.FindWithContext(context.Background(), invoiceID, options...)
}
func (s Invoice) FindWithContext(ctx context.Context, invoiceID string, options ...InvoiceFindParameters) (*Invoice, error) {
	return &Invoice{}, nil
}

// Capture returns three values since v5.0.0 (v4.x: (*Transaction, error)); the customer action is
// nil when the answer has none.
func (s Invoice) Capture(source string, options ...InvoiceCaptureParameters) (*Transaction, *CustomerAction, error) { // :486
	return s.CaptureWithContext(context.Background(), source, options...)
}
func (s Invoice) CaptureWithContext(ctx context.Context, source string, options ...InvoiceCaptureParameters) (*Transaction, *CustomerAction, error) {
	return &Transaction{}, nil, nil
}
func (s Invoice) Authorize(source string, options ...InvoiceAuthorizeParameters) (*Transaction, *CustomerAction, error) { // :360
	return s.AuthorizeWithContext(context.Background(), source, options...)
}
func (s Invoice) AuthorizeWithContext(ctx context.Context, source string, options ...InvoiceAuthorizeParameters) (*Transaction, *CustomerAction, error) {
	return &Transaction{}, nil, nil
}
func (s Invoice) Void(options ...InvoiceVoidParameters) (*Transaction, error) { // :1236
	return s.VoidWithContext(context.Background(), options...)
}
func (s Invoice) VoidWithContext(ctx context.Context, options ...InvoiceVoidParameters) (*Transaction, error) {
	return &Transaction{}, nil
}
func (s Invoice) FetchTransaction(options ...InvoiceFetchTransactionParameters) (*Transaction, error) { // :1147
	return s.FetchTransactionWithContext(context.Background(), options...)
}
func (s Invoice) FetchTransactionWithContext(ctx context.Context, options ...InvoiceFetchTransactionParameters) (*Transaction, error) {
	return &Transaction{}, nil
}
