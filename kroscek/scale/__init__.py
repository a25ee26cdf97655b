"""``kroscek batch``: a pile of any size analysed on this machine or on Apache Spark, written as Parquet.

:mod:`kroscek.scale.local` runs the in-process pipeline; :mod:`kroscek.scale.spark` runs the same
stages on Spark executors and the cross-article layer in the pieces :mod:`kroscek.scale.cross`
names, with no article on the driver. Both write the tables of :mod:`kroscek.scale.tables`.
"""
