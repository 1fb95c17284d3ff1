package processout

import "context"

// GatewayConfiguration (gateway_configuration.go:19): the fields the facts name (decoding.md §3).
type GatewayConfiguration struct {
	ID        *string            `json:"id,omitempty"`
	ProjectID *string            `json:"project_id,omitempty"`
	Gateway   *Gateway           `json:"gateway,omitempty"`
	GatewayID *int               `json:"gateway_id,omitempty"`
	Name      *string            `json:"name,omitempty"`
	Enabled   *bool              `json:"enabled,omitempty"`
	Metadata  *map[string]string `json:"metadata,omitempty"`

	client *ProcessOut
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *GatewayConfiguration) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}

type GatewayConfigurationAllParameters struct { // gateway_configuration.go:99
	*Options
	*GatewayConfiguration
	ExpandMerchantAccounts interface{} `json:"expand_merchant_accounts"`
}
type GatewayConfigurationFindParameters struct { // :215
	*Options
	*GatewayConfiguration
}

func (s GatewayConfiguration) All(options ...GatewayConfigurationAllParameters) (*Iterator, error) { // :106
	return s.AllWithContext(context.Background(), options...)
}
func (s GatewayConfiguration) AllWithContext(ctx context.Context, options ...GatewayConfigurationAllParameters) (*Iterator, error) {
	return &Iterator{}, nil
}
func (s GatewayConfiguration) Find(configurationID string, options ...GatewayConfigurationFindParameters) (*GatewayConfiguration, error) { // :221
	return s.FindWithContext(context.Background(), configurationID, options...)
}
func (s GatewayConfiguration) FindWithContext(ctx context.Context, configurationID string, options ...GatewayConfigurationFindParameters) (*GatewayConfiguration, error) {
	return &GatewayConfiguration{}, nil
}
