package processout

// CustomerAction (customer_action.go:18): the fields the facts name (decoding.md §3).
type CustomerAction struct {
	Type     *string            `json:"type,omitempty"`
	Value    *string            `json:"value,omitempty"`
	Metadata *map[string]string `json:"metadata,omitempty"`
}
