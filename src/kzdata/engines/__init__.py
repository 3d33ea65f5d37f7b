"""The two engines that run the registered checks (kzdata.checks.REGISTRY) over a package and give the same
findings: the row engine (rows.py) reads every table into a Context and runs every decider on it; the
columnar engine (columnar/) screens large tables with polars and runs the same deciders on the rows the
screens select. kzdata.validator chooses between them."""
