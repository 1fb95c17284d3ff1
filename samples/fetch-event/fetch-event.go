// Fetch an event by its ID, on your backend: what a webhook notification points to.
//
// Install the SDK first: go get gopkg.in/processout.v5
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set;
// EVENT_ID (ev_…, the event_id of a webhook notification).
// Prints the event type and its transaction's status.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
)

// text reads an optional string field of an SDK object.
func text(field *string) string {
	if field == nil {
		return ""
	}
	return *field
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
		// The error includes the API's error_type, such as resource.event.not-found.
		log.Fatalf("could not fetch the event: %v", err)
	}
	// data holds the object the event is about, as decoded JSON.
	data, _ := event.Data.(map[string]interface{})
	transaction, _ := data["transaction"].(map[string]interface{})
	// #endregion

	fmt.Printf("%s %s: transaction %v\n", event.GetID(), text(event.Name), transaction["status"])
}
