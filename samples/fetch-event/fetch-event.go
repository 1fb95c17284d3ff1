// Fetch an event by its ID, on your backend: what a webhook notification points to.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// EVENT_ID (ev_…, the event_id of a webhook notification).
// Prints the event type and its transaction's status.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
	"gopkg.in/processout.v5/errors"
)

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

func main() {
	client := processout.New(
		os.Getenv("PROCESSOUT_PROJECT_ID"),
		os.Getenv("PROCESSOUT_PROJECT_SECRET"),
	)
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		processout.Host = apiURL
	}

	// #region fetch-event
	// Only a request signed with your secret key gets the event: this is what proves it is genuine.
	event, err := client.NewEvent().Find(os.Getenv("EVENT_ID"))
	if err != nil {
		// errorType(err) is the API's error_type, such as resource.event.not-found.
		log.Fatalf("could not fetch the event: %s: %v", errorType(err), err)
	}
	// data holds the object the event is about, as decoded JSON.
	data, _ := event.Data.(map[string]interface{})
	transaction, _ := data["transaction"].(map[string]interface{})
	// #endregion

	fmt.Printf("%s %s: transaction %v\n", event.GetID(), text(event.Name), transaction["status"])
}
