--fail=2:17: Expecting STRING
DEFINE format = JSON;
