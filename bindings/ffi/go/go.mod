module cartoimport_ffi_example

go 1.21
