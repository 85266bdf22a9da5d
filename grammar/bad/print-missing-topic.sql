--fail=2:7: Syntax error at or near 'FROM'
PRINT FROM BEGINNING;
