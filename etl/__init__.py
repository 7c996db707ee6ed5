"""ETL of the states endorsing the REAIM 2023 Call to Action: fetch, parse, resolve, publish."""
