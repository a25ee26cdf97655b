"""Language data for 'xx'."""
