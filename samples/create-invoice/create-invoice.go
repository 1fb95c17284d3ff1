// Create an APM-ready invoice whose return_url brings the customer back to your web checkout.
//
// Written for gopkg.in/processout.v5 v5.6.1: go get gopkg.in/processout.v5@v5.6.1
// Reads PROCESSOUT_PROJECT_ID and PROCESSOUT_PROJECT_SECRET, and PROCESSOUT_API_URL when set.
package main

import (
	"fmt"
	"log"
	"os"

	"gopkg.in/processout.v5"
	"gopkg.in/processout.v5/errors"
)

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
		// errorType(err) is the API's error_type, such as request.authentication.invalid.
		log.Fatalf("could not create the invoice: %s: %v", errorType(err), err)
	}
	// #endregion

	fmt.Println(invoice.GetID())
}
