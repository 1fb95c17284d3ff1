// List the APMs (alternative payment methods) your project can offer, from your backend.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// Prints one entry per APM: the gateway configuration ID to pay with, and what to show the customer.
package main

import (
	"encoding/json"
	"log"
	"os"

	"gopkg.in/processout.v5"
	"gopkg.in/processout.v5/errors"
)

// apm is what a checkout page needs to offer one APM, under the API's own field names.
type apm struct {
	ID      string     `json:"id"`
	Gateway apmGateway `json:"gateway"`
}

type apmGateway struct {
	Name        string `json:"name"`
	DisplayName string `json:"display_name"`
	LogoURL     string `json:"logo_url"`
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

func main() {
	client := processout.New(
		os.Getenv("PROCESSOUT_PROJECT_ID"),
		os.Getenv("PROCESSOUT_PROJECT_SECRET"),
	)
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		processout.Host = apiURL
	}

	// #region list-apms
	configurations, err := client.NewGatewayConfiguration().All(processout.GatewayConfigurationAllParameters{
		Options:                &processout.Options{Filter: "alternative-payment-methods"},
		ExpandMerchantAccounts: true,
	})
	if err != nil {
		// errorType(err) is the API's error_type, such as request.authentication.invalid.
		log.Fatalf("could not list the APMs: %s: %v", errorType(err), err)
	}
	apms := []apm{}
	for configurations.Next() {
		configuration := configurations.Get().(*processout.GatewayConfiguration)
		if configuration.Gateway == nil {
			continue
		}
		apms = append(apms, apm{
			// Pay with this ID: it goes into the checkout URL.
			ID: configuration.GetID(),
			Gateway: apmGateway{
				Name:        text(configuration.Gateway.Name),
				DisplayName: text(configuration.Gateway.DisplayName),
				LogoURL:     text(configuration.Gateway.LogoURL),
			},
		})
	}
	if err := configurations.Error(); err != nil {
		log.Fatalf("could not list the APMs: %s: %v", errorType(err), err)
	}
	// #endregion

	output := json.NewEncoder(os.Stdout)
	output.SetIndent("", "  ")
	if err := output.Encode(apms); err != nil {
		log.Fatal(err)
	}
}
