// Package processout is a signature-only stub of gopkg.in/processout.v5 v5.6.1 (surface.md, Go):
// every function compiles and does nothing, so the samples can be built and vetted against it.
package processout

import (
	"net/http"
	"time"
)

var RequestAPIVersion = "1.4.0.0"                           // processout.go:12
var Host = "https://api.processout.com"                     // :14, one host for every client
var DefaultClient = &http.Client{Timeout: time.Second * 95} // :17

// ProcessOut is the client (processout.go:24); the credentials are unexported.
type ProcessOut struct {
	APIVersion string
	UserAgent  string
	HTTPClient *http.Client

	projectID     string
	projectSecret string
}

// Options are the request options of every call (processout.go:40).
type Options struct {
	IdempotencyKey string   `json:"-"`
	Expand         []string `json:"expand"`
	Filter         string   `json:"filter"`
	Limit          uint64   `json:"limit"`
	EndBefore      string   `json:"end_before"`
	StartAfter     string   `json:"start_after"`
	DisableLogging bool     `json:"-"`
}

func New(projectID, projectSecret string) *ProcessOut { // :52
	return &ProcessOut{APIVersion: RequestAPIVersion, projectID: projectID, projectSecret: projectSecret}
}

func (c *ProcessOut) NewInvoice(prefill ...*Invoice) *Invoice { return &Invoice{client: c} } // :496
func (c *ProcessOut) NewTransaction(prefill ...*Transaction) *Transaction { // :901
	return &Transaction{client: c}
}
func (c *ProcessOut) NewGatewayConfiguration(prefill ...*GatewayConfiguration) *GatewayConfiguration { // :481
	return &GatewayConfiguration{client: c}
}
func (c *ProcessOut) NewEvent(prefill ...*Event) *Event { return &Event{client: c} } // :331

// NewRefund: not in surface.md; the SDK's processout.go, beside NewProject (see refund.go).
func (c *ProcessOut) NewRefund(prefill ...*Refund) *Refund {
	if len(prefill) == 1 {
		prefill[0].client = c
		return prefill[0]
	}
	return &Refund{client: c}
}

// Pointer helpers (types.go).
func String(s string) *string     { return &s }
func Int64(i int64) *int64        { return &i }
func Float64(f float64) *float64  { return &f }
func Bool(b bool) *bool           { return &b }
func Time(t time.Time) *time.Time { return &t }
