package processout

// Identifiable is what a list holds (list.go:10).
type Identifiable interface {
	GetID() string
}

// Iterator walks a list (list.go:15). Get returns *GatewayConfiguration, *Event or *Webhook:
// type-assert it.
type Iterator struct {
	data []Identifiable
	i    int
}

func (i *Iterator) Next() bool              { return false }
func (i *Iterator) Get() interface{}        { return nil }
func (i *Iterator) Error() error            { return nil }
func (i *Iterator) Data() []Identifiable    { return i.data }
func (i *Iterator) NextPage() (bool, error) { return false, nil }
func (i *Iterator) Prev() bool              { return false }
func (i *Iterator) PrevPage() (bool, error) { return false, nil }
