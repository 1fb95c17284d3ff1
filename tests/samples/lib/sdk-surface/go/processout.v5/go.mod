// A stub of gopkg.in/processout.v5 v5.6.1 with the signatures in /work/shared/reference/sdk/surface.md
// (struct fields: decoding.md §3), to type-check the Go samples without the SDK. Bodies do nothing.
module gopkg.in/processout.v5

go 1.19
