package processout

import (
	"context"
	"time"
)

// Event (event.go:19): the fields the facts name (decoding.md §3). Data is map[string]interface{}
// for an object.
type Event struct {
	ID        *string     `json:"id,omitempty"`
	ProjectID *string     `json:"project_id,omitempty"`
	Name      *string     `json:"name,omitempty"`
	Data      interface{} `json:"data,omitempty"`
	Sandbox   *bool       `json:"sandbox,omitempty"`
	FiredAt   *time.Time  `json:"fired_at,omitempty"`

	client *ProcessOut
}

// GetID is nil-safe on the field, not on a nil receiver.
func (s *Event) GetID() string {
	if s.ID == nil {
		return ""
	}
	return *s.ID
}

type EventFindParameters struct { // event.go:304
	*Options
	*Event
}
type EventAllParameters struct { // :191
	*Options
	*Event
}
type EventFetchWebhooksParameters struct { // :78
	*Options
	*Event
}

func (s Event) Find(eventID string, options ...EventFindParameters) (*Event, error) { // :310
	return s.FindWithContext(context.Background(), eventID, options...)
}
func (s Event) FindWithContext(ctx context.Context, eventID string, options ...EventFindParameters) (*Event, error) {
	return &Event{}, nil
}
func (s Event) All(options ...EventAllParameters) (*Iterator, error) { // :197
	return s.AllWithContext(context.Background(), options...)
}
func (s Event) AllWithContext(ctx context.Context, options ...EventAllParameters) (*Iterator, error) {
	return &Iterator{}, nil
}

// FetchWebhooks uses *s.ID: call it on client.NewEvent(&processout.Event{ID: processout.String(id)}).
func (s Event) FetchWebhooks(options ...EventFetchWebhooksParameters) (*Iterator, error) { // :84
	return s.FetchWebhooksWithContext(context.Background(), options...)
}
func (s Event) FetchWebhooksWithContext(ctx context.Context, options ...EventFetchWebhooksParameters) (*Iterator, error) {
	return &Iterator{}, nil
}
