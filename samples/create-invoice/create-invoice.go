// Create an APM-ready invoice whose return_url brings the customer back to your web checkout.
//
// Install the SDK first: go get gopkg.in/processout.v5
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
)

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
			ReturnURL: processout.String("https://www.example.com/checkout/return"),
		},
	})
	if err != nil {
		// The error includes the API's error_type and message.
		log.Fatalf("could not create the invoice: %v", err)
	}
	// #endregion

	fmt.Println(invoice.GetID())
}
