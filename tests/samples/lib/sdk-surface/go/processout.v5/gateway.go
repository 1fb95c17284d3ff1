package processout

// Gateway (gateway.go:19): the fields the facts name (decoding.md §3).
type Gateway struct {
	ID          *string   `json:"id,omitempty"`
	Name        *string   `json:"name,omitempty"`
	DisplayName *string   `json:"display_name,omitempty"`
	LogoURL     *string   `json:"logo_url,omitempty"`
	URL         *string   `json:"url,omitempty"`
	Flows       *[]string `json:"flows,omitempty"`
	Tags        *[]string `json:"tags,omitempty"`
}
