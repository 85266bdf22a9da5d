--fail=2:5: Expecting STRING
SET auto.offset.reset = 'earliest';
