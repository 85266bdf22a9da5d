--fail=2:10: Syntax error at or near 'FORM'
SELECT * FORM t;
