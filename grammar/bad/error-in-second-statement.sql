--fail=3:1: Unknown statement 'SELEC'
SHOW STREAMS;
SELEC * FROM t;
