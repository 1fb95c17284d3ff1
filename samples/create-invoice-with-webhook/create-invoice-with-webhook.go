// Create an APM-ready invoice that also names the webhook endpoint to notify about its payment.
//
// Install the SDK first: go get gopkg.in/processout.v5
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
// RETURN_URL and WEBHOOK_URL override the example addresses of your site.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
)

// envOr reads an environment variable, with a fallback when it is unset.
func envOr(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func main() {
	client := processout.New(
		os.Getenv("PROCESSOUT_PROJECT_ID"),
		os.Getenv("PROCESSOUT_PROJECT_SECRET"),
	)
	if apiURL := os.Getenv("PROCESSOUT_API_URL"); apiURL != "" {
		processout.Host = apiURL
	}

	// #region create-invoice
	invoice, err := client.NewInvoice().Create(processout.InvoiceCreateParameters{
		Invoice: &processout.Invoice{
			Name:      processout.String("Amazing item"),
			Amount:    processout.String("9.99"),
			Currency:  processout.String("USD"),
			ReturnURL: processout.String(envOr("RETURN_URL", "https://www.example.com/checkout/return")),
			// Notified of every change of this invoice's payment, on top of the endpoints set in the Dashboard.
			WebhookURL: processout.String(envOr("WEBHOOK_URL", "https://www.example.com/webhooks/processout")),
		},
	})
	if err != nil {
		// The error includes the API's error_type and message.
		log.Fatalf("could not create the invoice: %v", err)
	}
	// #endregion

	fmt.Println(invoice.GetID())
}
