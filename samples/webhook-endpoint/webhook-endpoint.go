// A minimal endpoint for ProcessOut webhooks, with Go's net/http.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// PORT (default 3001) and HOST (default 127.0.0.1; 0.0.0.0 accepts connections from other machines).
// It listens for POST /webhooks/processout, answers at once, then fetches each event with the secret
// key before trusting it. It prints one JSON line per verified event on stdout, everything else on stderr.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
	"os"
	"sync"

	"gopkg.in/processout.v5"
	"gopkg.in/processout.v5/errors"
)

const path = "/webhooks/processout"
const maxBodyBytes = 64 * 1024

// envOr reads an environment variable, with a fallback when it is unset.
func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

// text reads an optional string field of an SDK object.
func text(field *string) string {
	if field == nil {
		return ""
	}
	return *field
}

// errorType reads the API's error_type (such as request.source.invalid) from an SDK error: the SDK
// keeps it in Code(), and err.Error() is the message alone.
func errorType(err error) string {
	if coded, ok := err.(errors.CodedError); ok {
		return coded.Code()
	}
	return ""
}

// #region webhook-endpoint
// webhookHandler receives ProcessOut notifications.
type webhookHandler struct {
	client *processout.ProcessOut
	// handled holds the events handled, or being handled: delivery is at least once, so a redelivery
	// is skipped. In production keep them in your database, with a unique key on the event ID.
	handled sync.Map
}

// handleNotification handles one notification, once ServeHTTP (below) has answered 200.
func (h *webhookHandler) handleNotification(eventID string) {
	if _, seen := h.handled.LoadOrStore(eventID, true); seen {
		log.Printf("%s: already handled, ignored", eventID)
		return
	}
	// Trust nothing in the notification but its ID: fetch the event with your secret key.
	event, err := h.client.NewEvent().Find(eventID)
	if err != nil {
		// Not verified: forget the event, so that a later delivery tries again.
		h.handled.Delete(eventID)
		log.Printf("%s: could not be verified (%s: %v), ignored", eventID, errorType(err), err)
		return
	}

	data, _ := event.Data.(map[string]interface{})
	transaction, _ := data["transaction"].(map[string]interface{})
	switch text(event.Name) {
	case "transaction.captured":
		// Paid: fulfil the order of transaction["invoice_id"].
	case "transaction.failed":
		// Declined: release the order, and ask for another payment.
	}
	line, _ := json.Marshal(map[string]interface{}{
		"event_id":       event.GetID(),
		"event_type":     text(event.Name),
		"invoice_id":     transaction["invoice_id"],
		"transaction_id": transaction["id"],
		"status":         transaction["status"],
	})
	os.Stdout.Write(append(line, '\n'))
}

// #endregion

// ServeHTTP takes POST /webhooks/processout with a JSON body that names an event, and refuses anything else.
func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "", http.StatusMethodNotAllowed)
		return
	}
	var notification struct {
		EventID string `json:"event_id"`
	}
	body := http.MaxBytesReader(w, r.Body, maxBodyBytes)
	if err := json.NewDecoder(body).Decode(&notification); err != nil || notification.EventID == "" {
		http.Error(w, "", http.StatusBadRequest)
		return
	}

	// Answer before the work: ProcessOut waits for a 2xx, and retries a slow answer as a failure.
	w.WriteHeader(http.StatusOK)
	go h.handleNotification(notification.EventID)
}

func main() {
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		processout.Host = apiURL
	}
	handler := &webhookHandler{
		client: processout.New(
			os.Getenv("PROCESSOUT_PROJECT_ID"),
			os.Getenv("PROCESSOUT_PROJECT_SECRET"),
		),
	}
	mux := http.NewServeMux()
	mux.Handle(path, handler)

	listener, err := net.Listen("tcp", net.JoinHostPort(envOr("HOST", "127.0.0.1"), envOr("PORT", "3001")))
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("Listening for ProcessOut webhooks on http://%s%s", listener.Addr(), path)
	log.Fatal(http.Serve(listener, mux))
}
