--fail=2:10: missing 'FROM' at 'FORM'
SELECT * FORM t;
