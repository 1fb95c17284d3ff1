import { BACKEND_LANGUAGES, type Language } from "./lib/languages.ts";

/** What an invoice created by a sample must contain, whatever the language. */
export interface ExpectedInvoice {
  name: string;
  amount: string;
  currency: string;
  return_url: string;
}

interface BaseExpectation {
  /** The languages the folder must hold, one file each. */
  languages: readonly Language[];
  /** The `#region` every file of the folder marks (what the page shows). */
  region: string;
}

export type SampleExpectation =
  | (BaseExpectation & { kind: "creates-invoice"; invoice: ExpectedInvoice })
  | (BaseExpectation & { kind: "checks-credentials" });

const AMAZING_ITEM = { name: "Amazing item", amount: "9.99", currency: "USD" } as const;

/**
 * One entry per folder under samples/: the suite fails for a folder missing here. The expected values
 * are written here, independently of the samples, so every language is held to the same invoice.
 */
export const SAMPLE_EXPECTATIONS: Record<string, SampleExpectation> = {
  "set-up-client": {
    kind: "checks-credentials",
    languages: BACKEND_LANGUAGES,
    region: "set-up-client",
  },
  "create-invoice": {
    kind: "creates-invoice",
    languages: BACKEND_LANGUAGES,
    region: "create-invoice",
    invoice: { ...AMAZING_ITEM, return_url: "https://www.example.com/checkout/return" },
  },
  "create-invoice-deep-link": {
    kind: "creates-invoice",
    languages: BACKEND_LANGUAGES,
    region: "create-invoice",
    invoice: { ...AMAZING_ITEM, return_url: "your.application.id://processout/return" },
  },
};

