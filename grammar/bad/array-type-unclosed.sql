--fail=2:29: Syntax error at or near ')'
CREATE STREAM s (a ARRAY<INT) WITH (kafka_topic='s', value_format='JSON');
