// Set up the ProcessOut client for Go.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
package main

// #region set-up-client
import (
	"fmt"
	"os"

	"gopkg.in/processout.v5"
)

// newProcessOutClient creates a client from the credentials in the environment.
func newProcessOutClient() *processout.ProcessOut {
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		// Unset in production. Host is a package variable: it applies to every client.
		processout.Host = apiURL
	}
	return processout.New(
		os.Getenv("PROCESSOUT_PROJECT_ID"),
		os.Getenv("PROCESSOUT_PROJECT_SECRET"),
	)
}

// #endregion

func main() {
	client := newProcessOutClient()
	fmt.Printf("ProcessOut client ready (API version %s) on %s\n", client.APIVersion, processout.Host)
}
