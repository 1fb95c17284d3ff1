package processout

// Webhook (webhook.go:18): the fields the facts name (decoding.md §3).
type Webhook struct {
	ID           *string `json:"id,omitempty"`
	EventID      *string `json:"event_id,omitempty"`
	RequestURL   *string `json:"request_url,omitempty"`
	ResponseCode *string `json:"response_code,omitempty"`
	Status       *string `json:"status,omitempty"`
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *Webhook) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}
