--fail=2:17: Syntax error at or near 'JSON'
DEFINE format = JSON;
