--fail=2:5: Syntax error at or near 'auto'
SET auto.offset.reset = 'earliest';
