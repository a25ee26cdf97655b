"""Language data for 'id'."""
